import { describe, expect, it } from 'vitest';
import { formatBinsText, parseBinsText } from './bins-text';

describe('parseBinsText', () => {
  it('reads bare ranges as their own labels and labelled ranges, with any dash', () => {
    expect(parseBinsText('18–29\n30-44\n\n45 — 60\nunder 5: 0..4\nполгода: 0,5–1').bins).toEqual([
      { label: '18–29', min: 18, max: 29 },
      { label: '30–44', min: 30, max: 44 },
      { label: '45–60', min: 45, max: 60 },
      { label: 'under 5', min: 0, max: 4 },
      { label: 'полгода', min: 0.5, max: 1 },
    ]);
  });

  it('names lines it cannot read', () => {
    expect(parseBinsText('18–29\nold\n60+').problems).toEqual([
      'bin line 2 ("old") should look like "18–29" or "young: 18–29"',
      'bin line 3 ("60+") should look like "18–29" or "young: 18–29"',
    ]);
  });

  it('round-trips through formatBinsText', () => {
    const bins = [
      { label: '18–29', min: 18, max: 29 },
      { label: '15 and more', min: 15, max: 100 },
    ];
    expect(formatBinsText(bins)).toBe('18–29\n15 and more: 15–100');
    expect(parseBinsText(formatBinsText(bins)).bins).toEqual(bins);
  });
});
