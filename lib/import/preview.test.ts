import { describe, expect, it } from 'vitest';
import { previewPastedText, previewTranscriptFile, titleFromFileName } from './preview';
import { fixture } from './testing';

describe('previewTranscriptFile', () => {
  it('shows a windows-1251 file decoded, with its timestamps, labels and counts', async () => {
    const p = await previewTranscriptFile(fixture('ru-cp1251.txt'), 'ru-cp1251.txt');
    expect(p.encoding).toBe('windows-1251');
    expect(p.detectedEncoding).toBe('windows-1251');
    expect(p.sample).toContain('Здравствуйте! Начнём с первого вопроса');
    expect(p.turns[0]).toMatchObject({ speaker: 'М', timestamp: '00:00:05' });
    expect(p.labels.map((l) => l.label).slice(0, 4)).toEqual(['М', 'Р1', 'Р2', 'Р3']);
    expect(p.turnCount).toBeGreaterThan(4);
    expect(p.suggestedTitle).toBe('ru-cp1251');
  });

  it('reads the same bytes in another encoding when asked, so the lead can see the guess was right', async () => {
    const p = await previewTranscriptFile(fixture('ru-cp1251.txt'), 'ru-cp1251.txt', { encoding: 'koi8-r' });
    expect(p.encoding).toBe('koi8-r');
    expect(p.detectedEncoding).toBe('windows-1251');
    expect(p.sample).not.toContain('Здравствуйте');
  });

  it('previews a .docx table transcript and counts the turns without a speaker', async () => {
    const p = await previewTranscriptFile(fixture('semey-table.docx'), 'semey-table.docx');
    expect(p).toMatchObject({ kind: 'docx', encoding: 'utf-8', detectedEncoding: null, sample: '', unlabelledTurns: 1, turnCount: 8 });
    expect(p.labels.map((l) => [l.label, l.turns])).toEqual([
      ['Модератор', 2],
      ['Р1', 2],
      ['Р2', 2],
      ['Р3', 1],
    ]);
    expect(p.labels[3].words).toBe(7);
  });

  it('rejects bad files with a message naming the file', async () => {
    await expect(previewTranscriptFile(new Uint8Array(0), 'empty.txt')).rejects.toThrow('empty.txt: the file is empty');
    await expect(previewTranscriptFile(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'broken.docx')).rejects.toThrow(/^broken\.docx: /);
    await expect(previewTranscriptFile(new Uint8Array(100), 'a.txt', { maxBytes: 10 })).rejects.toThrow(/a\.txt: the file is 100 bytes, larger than the 10 bytes limit/);
  });
});

describe('previewPastedText', () => {
  it('reads pasted text without speakers as unlabelled turns', () => {
    const p = previewPastedText('Первый абзац.\r\n\r\nВторой абзац.\rТретий.');
    expect(p.labels).toEqual([]);
    expect(p.unlabelledTurns).toBe(p.turnCount);
    expect(p.source).toBe('pasted text');
  });
});

describe('titleFromFileName', () => {
  it('drops folders and the extension', () => {
    expect(titleFromFileName('C:\\fg\\FG-12 Семей.final.docx')).toBe('FG-12 Семей.final');
    expect(titleFromFileName('.txt')).toBe('.txt');
  });
});
