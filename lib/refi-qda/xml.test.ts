import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RefiImportError } from './problems';
import { child, childrenNamed, cleanXmlChars, decodeEntities, escapeAttr, escapeText, parseXml } from './xml';

describe('parseXml', () => {
  it('gives local names, namespaces, decoded attributes and text, CDATA verbatim', () => {
    const root = parseXml(
      '<?xml version="1.0"?>\r\n<q:Project xmlns:q="urn:QDA-XML:project:1.0" xmlns:xsi="x" xsi:schemaLocation="s" name="a &amp; b&#x1F44D;\tc">' +
        '<q:Description>Бір&#13;\r\nекі <![CDATA[&amp; <raw>]]></q:Description><q:Code/><q:Code/></q:Project>',
      'test',
    );
    expect(root.name).toBe('Project');
    expect(root.namespace).toBe('urn:QDA-XML:project:1.0');
    expect(root.attrs).toEqual({ schemaLocation: 's', name: 'a & b👍 c' });
    expect(child(root, 'Description')?.text).toBe('Бір\r\nекі &amp; <raw>');
    expect(childrenNamed(root, 'Code')).toHaveLength(2);
  });

  it('refuses DOCTYPEs, unknown entities and malformed documents, naming the file', () => {
    expect(() => parseXml('<!DOCTYPE a><a/>', 'project.qde')).toThrow(/project\.qde declares a DOCTYPE/);
    expect(() => parseXml('<a b="&ent;"/>', 'project.qde')).toThrow(/&ent; is not defined/);
    expect(() => parseXml('<a>&#0;</a>', 'project.qde')).toThrow(/not a character XML allows/);
    expect(() => parseXml('<a><b></a>', 'project.qde')).toThrow(RefiImportError);
  });
});

describe('escaping', () => {
  it('round-trips any string through an attribute and through text, except what XML cannot carry', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        const expected = cleanXmlChars(s);
        const attr = parseXml(`<a v="${escapeAttr(s)}"/>`, 't').attrs.v;
        expect(attr).toBe(expected);
        const text = parseXml(`<a>${escapeText(s)}</a>`, 't').text;
        expect(text).toBe(expected);
      }),
    );
  });

  it('decodes only the predefined entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#1241;&#x4D9;')).toBe('<>&"\'әә');
    expect(() => decodeEntities('&nbsp;')).toThrow(/not defined/);
  });
});
