import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError, listSpeakerLabels, parsePastedTranscript, parseTranscript } from '.';
import { encodeUtf16, encodeUtf8, encodeWindows1251, fixture } from './testing';

describe('parseTranscript on the fixtures', () => {
  const cases: Array<[string, string, number, string[]]> = [
    // file, encoding, turns, distinct speakers in order
    ['ru-utf8.txt', 'utf-8', 14, ['Модератор', 'Участник 1', 'Участник 2', 'Участник 3', 'Участник 4']],
    ['kk-bom.txt', 'utf-8', 9, ['Жүргізуші', 'Айгерім', 'Нұрлан', 'Қатысушы 3']],
    ['ru-cp1251.txt', 'windows-1251', 7, ['М', 'Р1', 'Р2', 'Р3']],
    ['mixed-utf16le.txt', 'utf-16le', 6, ['Модератор', 'Участник 1', 'Участник 2', 'Участник 3']],
    ['aktobe-voices.vtt', 'utf-8', 5, ['Модератор', 'Айгерим', 'Ержан']],
    ['kyzylorda-zoom.srt', 'utf-8', 4, ['Модератор', 'Дина', 'Серік']],
    ['aktobe-notes.md', 'utf-8', 8, ['Модератор', 'P1', 'P2', 'P3']],
    ['semey-table.docx', 'utf-8', 8, ['Модератор', 'Р1', 'Р2', 'Р3']],
  ];
  it.each(cases)('%s', async (file, encoding, count, speakers) => {
    const parsed = await parseTranscript(fixture(file), file);
    expect(parsed.encoding).toBe(encoding);
    expect(parsed.turns).toHaveLength(count);
    expect(listSpeakerLabels(parsed.turns).map((s) => s.label)).toEqual(speakers);
    for (const t of parsed.turns) {
      expect(t.text).not.toMatch(/\n/);
      expect(t.text).toBe(t.text.trim());
    }
  });

  it('keeps the details of the UTF-8 Russian fixture: preamble, notes, continuations, false colons', async () => {
    const { turns } = await parseTranscript(fixture('ru-utf8.txt'), 'ru-utf8.txt');
    expect(turns[0]).toEqual({ speaker: null, text: 'Фокус-группа № 5. Актау, 14 ноября 2024 г. Дата: 14.11.2024 Продолжительность: 1 ч 52 мин' });
    expect(turns[2].speaker).toBe('Участник 1'); // "Участник 1 (М, 42):"
    expect(turns[6]).toEqual({
      speaker: 'Участник 3',
      text: 'Если проблема общая, надо писать коллективное обращение. Мы во дворе собирали подписи по поводу освещения, и через месяц поставили фонари. Это сработало, потому что нас было сорок человек.',
    });
    expect(turns[9]).toEqual({ speaker: 'Участник 4', text: 'Выборы — это формальность. Я скажу так: результат известен заранее.' });
  });

  it('keeps the Kazakh false colon inside the turn', async () => {
    const { turns } = await parseTranscript(fixture('kk-bom.txt'), 'kk-bom.txt');
    expect(turns[3]).toEqual({ speaker: 'Нұрлан', text: 'Әкімдікке барсаң, қабылдауға жазылу керек. Мәселе мынада: кезек өте ұзақ, сондықтан мен Telegram-арнаға жазамын.' });
  });

  it('keeps timestamps of the Windows-1251 fixture', async () => {
    const { turns } = await parseTranscript(fixture('ru-cp1251.txt'), 'ru-cp1251.txt');
    expect(turns[2]).toEqual({ speaker: 'Р2', text: 'Я пишу в WhatsApp депутату маслихата, у нас есть общий чат с жителями района.', timestamp: '00:00:40' });
  });
});

describe('parseTranscript: encodings and line endings', () => {
  const text = 'Модератор: Что для вас значат выборы?\r\nҚатысушы 1: Азаматтық борыш.\rУчастник 2: Шанс что-то поменять,\nно небольшой.\r\n';
  const expected = [
    { speaker: 'Модератор', text: 'Что для вас значат выборы?' },
    { speaker: 'Қатысушы 1', text: 'Азаматтық борыш.' },
    { speaker: 'Участник 2', text: 'Шанс что-то поменять, но небольшой.' },
  ];
  it.each([
    ['utf-8', encodeUtf8(text)],
    ['utf-8', encodeUtf8(text, true)],
    ['utf-16le', encodeUtf16(text, 'le')],
    ['utf-16be', encodeUtf16(text, 'be')],
  ])('%s, mixed line endings', async (encoding, bytes) => {
    expect(await parseTranscript(bytes, 't.txt')).toEqual({ encoding, turns: expected });
  });

  it('windows-1251 (Russian only: Kazakh letters are not in the code page)', async () => {
    const ru = 'М: Куда вы обращаетесь?\r\nР1: В акимат, через «e-Otinish».\r\n';
    expect(await parseTranscript(encodeWindows1251(ru), 't.txt')).toEqual({
      encoding: 'windows-1251',
      turns: [
        { speaker: 'М', text: 'Куда вы обращаетесь?' },
        { speaker: 'Р1', text: 'В акимат, через «e-Otinish».' },
      ],
    });
  });

  it('honours an encoding override', async () => {
    const bytes = encodeWindows1251('М: Да.\nР1: Нет.');
    const wrong = await parseTranscript(bytes, 't.txt', { encoding: 'koi8-r' });
    expect(wrong.encoding).toBe('koi8-r');
    expect(wrong.turns.map((t) => t.text).join()).not.toContain('Да');
    expect((await parseTranscript(bytes, 't.txt', { encoding: 'windows-1251' })).turns[0]).toEqual({ speaker: 'М', text: 'Да.' });
  });
});

describe('parseTranscript: bad input', () => {
  it('rejects an unsupported extension, with a hint', async () => {
    await expect(parseTranscript(encodeUtf8('x'), 'report.pdf')).rejects.toThrow('report.pdf: cannot import ".pdf" files: PDF is not supported');
    await expect(parseTranscript(encodeUtf8('x'), 'old.doc')).rejects.toThrow(/old\.doc: cannot import "\.doc" files: old Word 97–2003/);
    await expect(parseTranscript(encodeUtf8('x'), 'README')).rejects.toThrow('README: cannot import a file without an extension: use .docx, .txt, .md, .vtt, .srt');
  });

  it('rejects an empty file, in every format', async () => {
    for (const name of ['a.txt', 'a.md', 'a.vtt', 'a.srt', 'a.docx']) {
      await expect(parseTranscript(new Uint8Array(), name)).rejects.toThrow(`${name}: the file is empty`);
    }
    await expect(parseTranscript(encodeUtf8('\ufeff \n \n'), 'blank.txt')).rejects.toThrow('blank.txt: the file contains no text');
  });

  it('rejects binary content in a text format, naming the line', async () => {
    await expect(parseTranscript(encodeUtf8('P1: да\n\u0000\u0000'), 'x.txt')).rejects.toThrow(/^x\.txt, line 2: contains NUL bytes/);
    await expect(parseTranscript(fixture('semey-table.docx'), 'renamed.txt')).rejects.toThrow(/^renamed\.txt, line \d+: contains NUL bytes/);
  });

  it('rejects a corrupt .docx', async () => {
    await expect(parseTranscript(encodeUtf8('P1: text'), 'fake.docx')).rejects.toThrow('fake.docx: is not a valid .docx file (not a zip archive)');
    const cut = fixture('semey-table.docx').slice(0, 3000);
    await expect(parseTranscript(cut, 'cut.docx')).rejects.toThrow(/^cut\.docx: is not a valid \.docx file/);
  });

  it('rejects a file over maxBytes (default 20 MB)', async () => {
    await expect(parseTranscript(encodeUtf8('P1: да\n'.repeat(200)), 'big.txt', { maxBytes: 1000 })).rejects.toThrow('big.txt: the file is 1.8 KB, larger than the 1000 bytes limit');
    const twentyOneMb = new Uint8Array(21 * 1024 * 1024).fill(0x61);
    await expect(parseTranscript(twentyOneMb, 'huge.txt')).rejects.toThrow('huge.txt: the file is 21 MB, larger than the 20 MB limit');
  });

  it('rejects malformed subtitles naming the line', async () => {
    await expect(parseTranscript(encodeUtf8('Просто текст'), 'a.vtt')).rejects.toThrow('a.vtt, line 1: not a WebVTT file');
    await expect(parseTranscript(encodeUtf8('1\n00:00:01,000 --> bad\nДа'), 'a.srt')).rejects.toThrow(/^a\.srt, line 2: malformed cue timing/);
  });

  it('rejects a subtitle file with no text', async () => {
    await expect(parseTranscript(encodeUtf8('WEBVTT\n\n00:00.000 --> 00:01.000\n<v P1></v>\n'), 'e.vtt')).rejects.toThrow('e.vtt: contains no transcript text');
  });

  it('only ever rejects with an ImportError (an Error) on random bytes, and never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('f.txt', 'f.md', 'f.vtt', 'f.srt', 'f.docx'), async (bytes, name) => {
        try {
          const parsed = await parseTranscript(bytes, name);
          for (const t of parsed.turns) expect(t.text).not.toMatch(/\n/);
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect(e).toBeInstanceOf(ImportError);
          expect((e as Error).message.startsWith(name)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('only ever rejects with an ImportError on damaged .docx files', async () => {
    const docx = fixture('semey-table.docx');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(docx.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 5 }), async (edits) => {
        const copy = docx.slice();
        for (const [at, value] of edits) copy[at] = value;
        try {
          await parseTranscript(copy, 'd.docx');
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('parsePastedTranscript', () => {
  it('reads pasted plain text with labels', () => {
    expect(parsePastedTranscript('\ufeffМодератор: Здравствуйте.\r\nP1: Сәлем!')).toEqual({
      turns: [
        { speaker: 'Модератор', text: 'Здравствуйте.' },
        { speaker: 'P1', text: 'Сәлем!' },
      ],
    });
  });

  it('recognises pasted WebVTT and SRT', () => {
    expect(parsePastedTranscript('\n\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Дина>Иә</v>').turns).toEqual([{ speaker: 'Дина', text: 'Иә', timestamp: '00:00:01.000' }]);
    expect(parsePastedTranscript('1\n00:00:01,000 --> 00:00:02,000\nP1: Да\n').turns).toEqual([{ speaker: 'P1', text: 'Да', timestamp: '00:00:01.000' }]);
  });

  it('returns single-line turns or throws an ImportError for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('P', '1', ':', ' ', '\n', '\r', 'а', 'Ә', '[', ']', '0', '-', '>', '\t', 'W', 'E', 'B', 'V', 'T') }), (text) => {
        try {
          for (const t of parsePastedTranscript(text).turns) expect(t.text).not.toMatch(/[\r\n]/);
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects empty, NUL-bearing and too long text', () => {
    expect(() => parsePastedTranscript('  \n ')).toThrow('pasted text: is empty');
    expect(() => parsePastedTranscript('a\u0000b')).toThrow('pasted text: contains NUL characters');
    expect(() => parsePastedTranscript('abcdef', { maxChars: 5 })).toThrow('pasted text: is 6 characters long, over the limit of 5');
  });
});
