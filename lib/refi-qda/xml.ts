/**
 * Safe XML parsing into a small element tree.
 *
 * Any DOCTYPE is refused before parsing: REFI-QDA needs no DTD, and refusing it closes
 * external entities (XXE) and entity expansion (billion laughs) at once. Entities are then
 * decoded here, not by the parser: only the five predefined ones and character references;
 * anything else is an error. Line ends are normalised (CRLF, CR → LF) and attribute values
 * have literal tabs and line breaks turned into spaces, as the XML spec requires, so a
 * character reference (&#13;, &#10;) is the only way to keep one.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { RefiImportError, fatal } from './problems';

export interface XmlElement {
  /** Local name (namespace prefix removed). */
  name: string;
  /** The element's namespace URI, when declared on the element itself. */
  namespace?: string;
  /** Attributes by local name; `xmlns` declarations are left out. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (text and CDATA children, in order), decoded. */
  text: string;
}

// Nesting deeper than this is refused by the parser (a code tree is rarely 10 deep).
const MAX_DEPTH = 256;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  commentPropName: false,
  maxNestedTags: MAX_DEPTH,
});

/**
 * Parses `xml` (already decoded to a string) and returns its root element. `what` names the
 * file in messages. Throws RefiImportError on a DOCTYPE, malformed XML or an unknown entity.
 */
export function parseXml(xml: string, what: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw new RefiImportError([
      fatal('xml-doctype', `${what} declares a DOCTYPE or entities; these are refused (they can read local files or expand without bound)`),
    ]);
  }
  const text = xml.replace(/\r\n?/g, '\n');
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw malformed(what, `${msg} (line ${line}${col ? `, column ${col}` : ''})`);
  }
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch (e) {
    throw malformed(what, e instanceof Error ? e.message : String(e));
  }
  const roots = (Array.isArray(nodes) ? nodes : []).filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw malformed(what, roots.length === 0 ? 'it has no root element' : 'it has more than one root element');
  try {
    return convert(roots[0] as Record<string, unknown>, new Map());
  } catch (e) {
    throw malformed(what, e instanceof Error ? e.message : String(e));
  }
}

function malformed(what: string, detail: string): RefiImportError {
  return new RefiImportError([fatal('xml-malformed', `${what} is not well-formed XML: ${detail}`)]);
}

function elementName(node: unknown): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  for (const key of Object.keys(node)) {
    if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  }
  return undefined;
}

function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i);
}

// Namespace declarations in scope: prefix ('' for the default) → URI.
type Scope = Map<string, string>;

function convert(node: Record<string, unknown>, scope: Scope): XmlElement {
  const qname = elementName(node) as string;
  const rawAttrs = (node[':@'] ?? {}) as Record<string, unknown>;
  let inner: Scope = scope;
  const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(rawAttrs)) {
    const v = decodeEntities(String(value).replace(/[\t\n]/g, ' '));
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(key === 'xmlns' ? '' : key.slice(6), v);
      continue;
    }
    attrs[localName(key)] = v;
  }
  const children: XmlElement[] = [];
  let text = '';
  const content = node[qname];
  for (const child of Array.isArray(content) ? content : []) {
    if (child === null || typeof child !== 'object') continue;
    const c = child as Record<string, unknown>;
    if ('#text' in c) text += decodeEntities(String(c['#text']));
    else if ('#cdata' in c) {
      for (const part of Array.isArray(c['#cdata']) ? c['#cdata'] : []) {
        if (part && typeof part === 'object' && '#text' in part) text += String((part as Record<string, unknown>)['#text']);
      }
    } else if (elementName(c) !== undefined) children.push(convert(c, inner));
  }
  const namespace = inner.get(prefixOf(qname));
  return { name: localName(qname), ...(namespace !== undefined ? { namespace } : {}), attrs, children, text };
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the predefined entities and character references; throws on anything else. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Error(`a bare "&" (${JSON.stringify(whole.slice(0, 14))})`);
    if (ref in PREDEFINED) return PREDEFINED[ref];
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (!m) throw new Error(`the entity &${ref}; is not defined`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2], 10);
    if (!isXmlChar(cp)) throw new Error(`&${ref}; is not a character XML allows`);
    return String.fromCodePoint(cp);
  });
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** The first child element called `name`, if any. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Every child element called `name`, in document order. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/** Escapes text content for XML, replacing characters XML 1.0 cannot carry with U+FFFD. */
export function escapeText(s: string): string {
  return cleanXmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Escapes an attribute value (double-quoted), keeping tabs and line breaks as references. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Replaces what XML 1.0 cannot carry (most C0 controls, U+FFFE/U+FFFF, lone surrogates) with U+FFFD. */
export function cleanXmlChars(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
