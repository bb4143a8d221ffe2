import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../import';
import { transcriptToDocx, transcriptToTxt, type ExportTurn } from './transcript';

const sample: ExportTurn[] = [
  { speaker: 'Модератор', text: 'Что для вас значат выборы?', timestamp: '00:12:03' },
  { speaker: 'Қатысушы 3', text: 'Сайлау — азаматтық борыш. Мәселе мынада: жастар бармайды.' },
  { speaker: 'Айгерим', text: 'Я скажу так: через e-Otinish быстрее, чем на приём к акиму 😊' },
  { speaker: 'P2', text: 'Согласна.', timestamp: '00:13:10.500' },
];

describe('transcriptToTxt', () => {
  it('writes one "[time] Speaker: text" line per turn', () => {
    expect(transcriptToTxt(sample)).toBe(
      '[00:12:03] Модератор: Что для вас значат выборы?\n' +
        'Қатысушы 3: Сайлау — азаматтық борыш. Мәселе мынада: жастар бармайды.\n' +
        'Айгерим: Я скажу так: через e-Otinish быстрее, чем на приём к акиму 😊\n' +
        '[00:13:10.500] P2: Согласна.\n',
    );
  });

  it('writes turns without a speaker as bare text, and flattens stray line breaks', () => {
    expect(transcriptToTxt([{ speaker: null, text: 'Запись началась.' }, { speaker: 'P1', text: 'Да,\nконечно' }])).toBe('Запись началась.\nP1: Да, конечно\n');
    expect(transcriptToTxt([])).toBe('');
  });
});

describe('transcriptToDocx', () => {
  it('writes the title as a heading and the speaker label in bold', async () => {
    const bytes = await transcriptToDocx('Фокус-группа № 5, Актау', sample);
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toContain('Heading1');
    expect(xml).toContain('Фокус-группа № 5, Актау');
    expect(xml).toMatch(/<w:b\/>.*?<w:t[^>]*>Қатысушы 3:<\/w:t>/s);
    expect(xml.match(/<w:p>|<w:p /g)?.length).toBe(sample.length + 1);
  });
});

describe('round trip: export then import gives the same turns', () => {
  it('for the sample, as .txt and as .docx', async () => {
    const txt = await parseTranscript(new TextEncoder().encode(transcriptToTxt(sample)), 'back.txt');
    expect(txt.turns).toEqual(sample);
    const docx = await parseTranscript(await transcriptToDocx('Актау, группа 1', sample), 'back.docx');
    expect(docx.turns).toEqual(sample);
  });

  const word = fc.constantFrom(
    'выборы', 'акимат', 'e-Otinish', 'eGov', 'петиция', '«репост»', 'так:', 'мынада:', '—', 'сайлау', 'әкімдік', 'қатысу',
    'ұжымдық', 'өтініш', 'Instagram', 'TikTok', '109', '2024', 'ну,', 'да!', 'нет?', '😊', 'Telegram-арна', '(смеётся)',
  );
  const text = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
  const timestamp = fc.option(
    fc.tuple(fc.nat(99), fc.nat(59), fc.nat(59)).map(([h, m, s]) => [h, m, s].map((n) => String(n).padStart(2, '0')).join(':')),
    { nil: undefined },
  );
  const speaker = fc.constantFrom('Модератор', 'Участник 1', 'Қатысушы 3', 'Жүргізуші', 'P2', 'Р3', 'М', 'Айгерім', 'Ержан Б.', 'Moderator', 'Дина');
  // After a label anything may follow, even what looks like another label or a timestamp.
  const labelledText = fc.tuple(fc.constantFrom('', 'Вопрос: ', 'P3: ', '[00:01:02] ', 'Модератор — '), text).map(([head, t]) => head + t);
  const turn = (who: fc.Arbitrary<string | null>, said: fc.Arbitrary<string>) =>
    fc.record({ speaker: who, text: said, timestamp }).map((t): ExportTurn => (t.timestamp === undefined ? { speaker: t.speaker, text: t.text } : t));
  const labelled = fc.array(turn(speaker, labelledText), { minLength: 2, maxLength: 12 });
  const unlabelled = fc.array(turn(fc.constant(null), text), { minLength: 1, maxLength: 8 });

  it('for random Kazakh and Russian transcripts, as .txt', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(labelled, unlabelled), async (turns) => {
        const parsed = await parseTranscript(new TextEncoder().encode(transcriptToTxt(turns)), 'rt.txt');
        expect(parsed.turns).toEqual(turns);
      }),
      { numRuns: 200 },
    );
  });

  it('for random Kazakh and Russian transcripts, as .docx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(labelled, unlabelled), async (turns) => {
        const parsed = await parseTranscript(await transcriptToDocx('Тараз, 1-топ', turns), 'rt.docx');
        expect(parsed.turns).toEqual(turns);
      }),
      { numRuns: 30 },
    );
  });
});
