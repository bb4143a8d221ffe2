import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ATTRIBUTION_TEMPLATE,
  compileAttribution,
  parseTemplate,
  TemplateError,
  unknownFields,
  type AttributeInfo,
  type AttributionSubject,
} from './attribution';

const ATTRS: AttributeInfo[] = [
  { scope: 'participant', name: 'gender' },
  { scope: 'participant', name: 'age', bins: [{ label: '30–39', min: 30, max: 39 }, { label: '50–60', min: 50, max: 60 }] },
  { scope: 'participant', name: 'education' },
  { scope: 'participant', name: 'years in city' },
  { scope: 'document', name: 'city' },
  { scope: 'document', name: 'language' },
];

const aigerim = { label: 'P3', attributes: { gender: 'Female', age: '34', education: 'Higher', 'years in city': '12' } };
const subject: AttributionSubject = {
  participants: [aigerim],
  documentTitle: 'FG05 Aktobe',
  documentAttributes: { city: 'Aktobe', language: 'Russian' },
  codeName: 'e-Otinish',
  codePath: 'Channels / e-Otinish',
  turn: 14,
};

describe('compileAttribution', () => {
  it('fills the default template', () => {
    expect(compileAttribution(DEFAULT_ATTRIBUTION_TEMPLATE, ATTRS)(subject)).toBe('(Female, 34, Higher, Aktobe)');
  });

  it('drops a missing value with its separator, never leaving a hole', () => {
    const f = compileAttribution(DEFAULT_ATTRIBUTION_TEMPLATE, ATTRS);
    const noAge = { ...subject, participants: [{ label: 'P3', attributes: { gender: 'Female', education: 'Higher' } }] };
    expect(f(noAge)).toBe('(Female, Higher, Aktobe)');
    const noGender = { ...subject, participants: [{ label: 'P3', attributes: { age: '34' } }] };
    expect(f(noGender)).toBe('(34, Aktobe)');
    expect(f({ ...subject, participants: [], documentAttributes: {} })).toBe('');
  });

  it('attributes a moderator passage by the document only', () => {
    expect(compileAttribution(DEFAULT_ATTRIBUTION_TEMPLATE, ATTRS)({ ...subject, participants: [] })).toBe('(Aktobe)');
  });

  it('repeats participant fields for each speaker of a passage', () => {
    const bolat = { label: 'P4', attributes: { gender: 'Male', age: '52', education: 'Secondary' } };
    expect(compileAttribution('({label}: {gender}, {age}; {city})', ATTRS)({ ...subject, participants: [aigerim, bolat] })).toBe(
      '(P3: Female, 34; Aktobe; P4: Male, 52; Aktobe)',
    );
    expect(compileAttribution('— {gender}, {age}', ATTRS)({ ...subject, participants: [aigerim, bolat] })).toBe('— Female, 34; Male, 52');
  });

  it('offers built-in fields, explicit scopes, filters and literal braces', () => {
    const f = compileAttribution('{{{label}}} {document}, turn {turn}: {code} [{codePath}] {education|lower} {age|bin} {document:city|upper} {participant:years in city}', ATTRS);
    expect(f(subject)).toBe('{P3} FG05 Aktobe, turn 14: e-Otinish [Channels / e-Otinish] higher 30–39 AKTOBE 12');
  });

  it('keeps Kazakh and Russian values intact', () => {
    const kk = { ...subject, participants: [{ label: 'Қатысушы 2', attributes: { gender: 'Әйел', age: '41' } }], documentAttributes: { city: 'Қызылорда' } };
    expect(compileAttribution('({label}, {gender}, {age}, {city})', ATTRS)(kk)).toBe('(Қатысушы 2, Әйел, 41, Қызылорда)');
  });

  it('leaves a field of an attribute it was not given empty (a private one)', () => {
    const withSecret = { ...subject, participants: [{ ...aigerim, attributes: { ...aigerim.attributes } }] };
    // "phone" is not among ATTRS: the renderer treats it as unknown, so nothing shows.
    expect(compileAttribution('({gender}, {phone})', ATTRS)(withSecret)).toBe('(Female)');
  });
});

describe('parseTemplate', () => {
  it.each([
    ['({gender', /without a "}"/],
    ['gender})', /without a "{"/],
    ['({})', /empty field/],
    ['({age|round})', /unknown filter "round"/],
    ['x'.repeat(501), /longer than 500/],
  ])('refuses %j', (template, message) => {
    expect(() => parseTemplate(template)).toThrow(TemplateError);
    expect(() => parseTemplate(template)).toThrow(message);
  });

  it('lists fields that name nothing known', () => {
    expect(unknownFields(parseTemplate('({gender}, {real name}, {document:gender}, {label})'), ATTRS)).toEqual(['real name', 'document:gender']);
  });
});
