import { describe, expect, it } from 'vitest';
import { cleanColor, cleanName, cleanShortcut, cleanText, CodebookError, foldName, NAME_MAX, TEXT_MAX } from './rules';

const rule = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof CodebookError ? e.rule : e;
  }
};

describe('codebook rules', () => {
  it('cleans a name to NFC, trimmed, and refuses an empty or too long one', () => {
    expect(cleanName('  Доверие к и\u0306\u0301 ')).toBe('Доверие к й\u0301'.normalize('NFC'));
    expect(rule(() => cleanName('   '))).toBe('name_required');
    expect(rule(() => cleanName('x'.repeat(NAME_MAX + 1)))).toBe('name_too_long');
    expect(cleanName('x'.repeat(NAME_MAX))).toHaveLength(NAME_MAX);
  });

  it('compares names and shortcuts ignoring case, Kazakh letters included', () => {
    expect(foldName('Әкімдік')).toBe(foldName('әКІМДІК'));
  });

  it('takes #RRGGBB colours upper-cased and nothing else', () => {
    expect(cleanColor('#a1b2c3')).toBe('#A1B2C3');
    for (const bad of ['a1b2c3', '#abc', '#GGGGGG', 'red']) expect(rule(() => cleanColor(bad))).toBe('bad_color');
  });

  it('takes one visible character as a shortcut, or none', () => {
    expect(cleanShortcut('ә')).toBe('ә');
    expect(cleanShortcut('😀')).toBe('😀');
    expect(cleanShortcut('')).toBeNull();
    expect(cleanShortcut(null)).toBeNull();
    for (const bad of ['ab', ' ', '\t', '\u0007']) expect(rule(() => cleanShortcut(bad))).toBe('bad_shortcut');
  });

  it('limits descriptions and criteria', () => {
    expect(cleanText('description', 'x'.repeat(TEXT_MAX))).toHaveLength(TEXT_MAX);
    expect(rule(() => cleanText('description', 'x'.repeat(TEXT_MAX + 1)))).toBe('text_too_long');
  });
});
