/**
 * Helpers for this module's tests: a small excerpt export with Kazakh, Russian and emoji
 * text, and readers for the files the formats write. Not used by the module itself.
 */
import { strFromU8, unzipSync } from 'fflate';
import type { ExcerptExport, ExportCode, ExportExcerpt } from '../excerpts';

export const CODES: ExportCode[] = [
  { id: 1, parentId: null, name: 'Channels', path: 'Channels', depth: 0, description: 'Ways people reach the state.', inclusion: '', exclusion: '', example: '' },
  { id: 2, parentId: 1, name: 'e-Otinish', path: 'Channels / e-Otinish', depth: 1, description: 'Online appeals via e-Otinish & eGov <portal>.', inclusion: 'Named portal', exclusion: 'Phone calls', example: 'Жаздым e-Otinish арқылы' },
  { id: 3, parentId: 1, name: 'Akimat reception', path: 'Channels / Akimat reception', depth: 1, description: '', inclusion: '', exclusion: '', example: '' },
  { id: 4, parentId: null, name: 'Elections', path: 'Elections', depth: 0, description: 'What elections mean.', inclusion: '', exclusion: '', example: '' },
];

export function excerpt(over: Partial<ExportExcerpt> & Pick<ExportExcerpt, 'codingId' | 'codeId' | 'quote'>): ExportExcerpt {
  return {
    documentId: 1,
    documentTitle: 'FG05 Aktobe',
    documentAttributes: { city: 'Aktobe', language: 'Kazakh' },
    participants: [{ label: 'P3', attributes: { gender: 'Female', age: '34', education: 'Higher' } }],
    turns: [4],
    start: 10,
    end: 10 + over.quote.length,
    layer: 'consensus',
    layerName: 'Consensus',
    memo: '',
    translations: [],
    ...over,
  };
}

export function sampleExport(over: Partial<ExcerptExport> = {}): ExcerptExport {
  return {
    projectName: 'Political participation — FG «2024»',
    generatedAt: new Date('2025-02-01T10:00:00Z'),
    layers: ['Consensus'],
    filters: ['Code: Channels (and sub-codes)'],
    codes: CODES,
    attributes: [
      { scope: 'participant', name: 'gender' },
      { scope: 'participant', name: 'age', bins: [{ label: '30–39', min: 30, max: 39 }] },
      { scope: 'participant', name: 'education' },
      { scope: 'document', name: 'city' },
      { scope: 'document', name: 'language' },
    ],
    excerpts: [
      excerpt({
        codingId: 11,
        codeId: 2,
        quote: 'Мен әкімдікке e-Otinish арқылы жаздым 👍',
        translations: [
          { language: 'en', text: 'I wrote to the akimat via e-Otinish 👍', author: 'Aigerim' },
          { language: 'ru', text: 'Я написала в акимат через e-Otinish 👍', author: 'Aigerim' },
        ],
        contextBefore: [{ turn: 3, speaker: 'Moderator', text: 'Как вы обращаетесь к власти?' }],
        contextAfter: [{ turn: 5, speaker: 'P4', text: 'А я — в Instagram.' }],
        memo: 'Good <quote> & "clear"',
      }),
      excerpt({
        codingId: 12,
        codeId: 2,
        quote: 'Пишу в Instagram акимата,\nпотом звоню',
        documentTitle: 'FG09 Taraz',
        documentAttributes: { city: 'Taraz', language: 'Russian' },
        participants: [
          { label: 'P1', attributes: { gender: 'Male', age: '52' } },
          { label: 'P2', attributes: { gender: 'Female', age: '23', education: 'Secondary' } },
        ],
        turns: [7, 8],
        start: 200,
        end: 236,
      }),
      excerpt({ codingId: 13, codeId: 4, quote: 'Сайлау — бұл <b>таңдау</b> & жауапкершілік', participants: [], turns: [2] }),
    ],
    ...over,
  };
}

/** The named part of a zip (a .docx or .xlsx) as text. */
export function zipPart(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes, { filter: (f) => f.name === name });
  if (!files[name]) throw new Error(`The archive has no ${name}`);
  return strFromU8(files[name]);
}

/** The paragraphs of word/document.xml: style id and text (line breaks as "\n"). */
export function docxParagraphs(bytes: Uint8Array): { style: string; text: string }[] {
  const xml = zipPart(bytes, 'word/document.xml');
  const out: { style: string; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? '';
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[0] === '<w:br/>' ? '\n' : unescapeXml(t[1]))).join('');
    out.push({ style, text });
  }
  return out;
}

export function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
