import { describe, expect, it } from 'vitest';
import { parseMarkdown } from './markdown';

describe('parseMarkdown', () => {
  it('reads bold labels, and skips headings, rules, quotes and list markers', () => {
    const md = [
      '---',
      'title: Актобе',
      '---',
      '# Фокус-группа № 3',
      '',
      '**Модератор:** Какие каналы?',
      '',
      '> **P1:** eGov.',
      '',
      '***',
      '',
      'Блок 2',
      '======',
      '',
      '- **P2 (Ж, 29):** Петиции',
      '  и репосты.',
      '1. **P3**: Блогеры.',
    ].join('\n');
    expect(parseMarkdown(md)).toEqual([
      { speaker: 'Модератор', text: 'Какие каналы?' },
      { speaker: 'P1', text: 'eGov.' },
      { speaker: 'P2', text: 'Петиции и репосты.' },
      { speaker: 'P3', text: 'Блогеры.' },
    ]);
  });

  it('keeps inline markup in the text as written', () => {
    expect(parseMarkdown('**P1:** Я *очень* доверяю.\n**P2:** Нет.')).toEqual([
      { speaker: 'P1', text: 'Я *очень* доверяю.' },
      { speaker: 'P2', text: 'Нет.' },
    ]);
  });

  it('treats "---" under a paragraph as a setext heading', () => {
    expect(parseMarkdown('Раздел\n---\nP1: Да.\nP2: Нет.')).toEqual([
      { speaker: 'P1', text: 'Да.' },
      { speaker: 'P2', text: 'Нет.' },
    ]);
  });
});
