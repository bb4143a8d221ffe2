/**
 * Fuzzing the transcript importer (lib/import: parseTranscript, parsePastedTranscript):
 * structured transcripts in every shape the readers know, random text and bytes, and the
 * fixture files with bytes flipped, inserted, deleted and cut off, in every extension and
 * encoding. Each ends in turns or an ImportError naming the file; never another throw, never
 * a hang, and the turns keep their promise (one trimmed line of text each, no NUL).
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError, parsePastedTranscript, parseTranscript, type ImportedTurn } from '../import';
import { encodeUtf16, encodeUtf8, fixture } from '../import/testing';
import { anyText, attempt, attemptAsync, mutated } from './harness';

/** What every turn a reader returns must look like. */
function checkTurns(turns: ImportedTurn[]) {
  expect(turns.length).toBeGreaterThan(0);
  for (const t of turns) {
    expect(typeof t.text).toBe('string');
    expect(t.text).not.toMatch(/[\n\u0000]/);
    expect(t.text).toBe(t.text.trim());
    if (t.speaker !== null) expect(typeof t.speaker).toBe('string');
    // hh:mm:ss[.mmm]; hours may exceed 99 (lib/import/timestamp.ts), e.g. "[100:00:05]"
    if (t.timestamp !== undefined) expect(t.timestamp).toMatch(/^\d{2,3}:\d{2}:\d{2}(\.\d{3})?$/);
  }
}

const label = fc.constantFrom('Модератор', 'Р1', 'P2', 'Участник 3', 'Қатысушы 4', 'MOD', 'Ведущий', 'Speaker 1', '', 'P1 (Ж, 34)', '**P5**', 'Аты-жөні');
const clock = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 1200 })).map(
  ([h, m, s, ms]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${ms < 1000 ? `,${String(ms).padStart(3, '0')}` : ''}`,
);
const line = fc.oneof(
  fc.tuple(label, anyText(60)).map(([l, t]) => `${l}: ${t}`),
  fc.tuple(label, anyText(60)).map(([l, t]) => `**${l}:** ${t}`),
  fc.tuple(clock, label, anyText(40)).map(([c, l, t]) => `[${c}] ${l}: ${t}`),
  fc.tuple(clock, clock).map(([a, b]) => `${a} --> ${b}`),
  fc.tuple(clock, clock).map(([a, b]) => `${a.replace(',', '.')} --> ${b.replace(',', '.')} align:start`),
  fc.tuple(label, anyText(40)).map(([l, t]) => `<v ${l}>${t}</v>`),
  fc.constantFrom('WEBVTT', 'WEBVTT - title', 'NOTE a note', '1', '2', '', ' ', '---', '# Heading', '> quote', '| P1 | text |', '\ufeff'),
  anyText(80),
);
const transcriptText = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r')).map(([lines, eol]) => lines.join(eol));
const EXTENSIONS = ['.txt', '.md', '.vtt', '.srt', '.docx', '.TXT', '.doc', '.pdf', '', '.txt.exe'];
const ENCODINGS = [undefined, undefined, 'utf-8', 'windows-1251', 'utf-16le', 'koi8-r', 'no-such-encoding', ''];

const encoded = fc.tuple(transcriptText, fc.constantFrom('utf8', 'utf8bom', 'utf16le', 'utf16be')).map(([text, how]) =>
  how === 'utf8' ? encodeUtf8(text) : how === 'utf8bom' ? encodeUtf8(text, true) : encodeUtf16(text, how === 'utf16le' ? 'le' : 'be'),
);
const TEXT_FIXTURES = ['ru-utf8.txt', 'ru-cp1251.txt', 'kk-bom.txt', 'mixed-utf16le.txt', 'aktobe-notes.md', 'aktobe-voices.vtt', 'kyzylorda-zoom.srt'].map(fixture);

async function parsesCleanly(bytes: Uint8Array, fileName: string, encoding: string | undefined) {
  const r = await attemptAsync({ fileName, encoding, bytes }, () => parseTranscript(bytes, fileName, { encoding, maxBytes: 1 << 20 }), ImportError);
  if (r.ok) checkTurns(r.value.turns);
  else expect(r.error.message.startsWith(fileName.trim() || 'file')).toBe(true);
}

describe('parsePastedTranscript', () => {
  it('reads structured and random text into turns, or refuses with an ImportError', () => {
    fc.assert(
      fc.property(fc.oneof(transcriptText, anyText(400)), (text) => {
        const r = attempt(text, () => parsePastedTranscript(text, { maxChars: 100_000 }), ImportError);
        if (r.ok) checkTurns(r.value.turns);
        else expect(r.error.message).toMatch(/^pasted text/);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('parseTranscript', () => {
  it('reads encoded transcripts under any extension and encoding', async () => {
    await fc.assert(
      fc.asyncProperty(encoded, fc.constantFrom(...EXTENSIONS), fc.constantFrom(...ENCODINGS), async (bytes, ext, encoding) => parsesCleanly(bytes, `Семей FG12${ext}`, encoding)),
      { numRuns: 600 },
    );
  });

  it('survives mutated fixture files and random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated(TEXT_FIXTURES), fc.uint8Array({ maxLength: 600 })), fc.constantFrom(...EXTENSIONS), async (bytes, ext) => parsesCleanly(bytes, `file${ext}`, undefined)),
      { numRuns: 600 },
    );
  });

  it('survives mutated and truncated .docx files', async () => {
    const docx = fixture('semey-table.docx');
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated([docx], 4), fc.nat(docx.length).map((n) => docx.slice(0, n))), async (bytes) => parsesCleanly(bytes, 'semey.docx', undefined)),
      { numRuns: 120 },
    );
  });

  // Byte flips in deflated data mostly stop at the zip layer; editing the XML and zipping it
  // again reaches the Word reader and the table and paragraph walkers behind it.
  it('survives mutated document XML inside a valid .docx', async () => {
    const parts = unzipSync(fixture('semey-table.docx'));
    const xml = strFromU8(parts['word/document.xml']);
    const edit = fc.oneof(
      fc.tuple(fc.constant('replace' as const), fc.nat(xml.length - 1), fc.constantFrom('<', '>', '"', '&', '/', '=', ' ', 'x', '\u0000', '&#0;', '&#x1F44D;', ']]>', '<!--', '<w:p>', '</w:tc>', '<w:tbl>', 'Р1:', '\n')),
      fc.tuple(fc.constant('delete' as const), fc.nat(xml.length - 1), fc.integer({ min: 1, max: 80 })),
      fc.tuple(fc.constant('duplicate' as const), fc.nat(xml.length - 1), fc.integer({ min: 1, max: 400 })),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let x = xml;
        for (const e of edits) {
          const at = Math.min(e[1], x.length);
          if (e[0] === 'replace') x = x.slice(0, at) + e[2] + x.slice(at + 1);
          else if (e[0] === 'delete') x = x.slice(0, at) + x.slice(at + e[2]);
          else x = x.slice(0, at) + x.slice(at, at + e[2]) + x.slice(at);
        }
        await parsesCleanly(zipSync({ ...parts, 'word/document.xml': strToU8(x) }, { level: 0 }), 'semey.docx', undefined);
      }),
      { numRuns: 100 },
    );
  });
});
