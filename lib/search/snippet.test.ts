import { describe, expect, it } from 'vitest';
import { keywordInContext } from './snippet';

describe('keywordInContext', () => {
  it('shows the whole text when it is short', () => {
    const text = 'Мен әкімдікке жаздым.';
    expect(keywordInContext(text, 4, 13)).toEqual({ before: 'Мен ', match: 'әкімдікке', after: ' жаздым.' });
  });

  it('cuts long context at spaces, with ellipses', () => {
    const text = `${'бір екі үш '.repeat(10)}ПЕТИЦИЯ${' төрт бес алты'.repeat(10)}`;
    const start = text.indexOf('ПЕТИЦИЯ');
    const s = keywordInContext(text, start, start + 7, 20);
    expect(s.match).toBe('ПЕТИЦИЯ');
    expect(s.before.startsWith('…')).toBe(true);
    expect(s.after.endsWith('…')).toBe(true);
    expect(s.before.length).toBeLessThanOrEqual(21);
    expect(s.before.slice(1)).toMatch(/^\S/);
    expect(s.after.slice(0, -1)).toMatch(/\S$/);
  });

  it('never splits an emoji', () => {
    const text = `${'🥰'.repeat(30)}петиция${'👍'.repeat(30)}`;
    for (const context of [5, 6, 7, 8]) {
      const s = keywordInContext(text, 60, 67, context);
      expect(s.before.replace('…', '')).toMatch(/^(🥰)*$/u);
      expect(s.after.replace('…', '')).toMatch(/^(👍)*$/u);
    }
  });

  it('shortens a very long hit in the middle', () => {
    const text = 'а'.repeat(300);
    const s = keywordInContext(text, 0, 300, 10);
    expect(s.match).toBe(`${'а'.repeat(10)} … ${'а'.repeat(10)}`);
  });
});
