import { describe, expect, it } from 'vitest';
import { heatColor, heatShare, heatTextColor } from './heat';
import { niceTicks } from './ticks';
import { formatMeasure, roundMeasure } from './format';

describe('heat scale', () => {
  it('runs from white to dark blue, clamping and treating NaN as 0', () => {
    expect(heatColor(0)).toBe('#f7fbff');
    expect(heatColor(1)).toBe('#08306b');
    expect(heatColor(2)).toBe('#08306b');
    expect(heatColor(Number.NaN)).toBe('#f7fbff');
    expect(heatColor(0.5)).toBe('#6baed6');
  });
  it('keeps text legible and shares safe', () => {
    expect(heatTextColor(0.9)).toBe('#ffffff');
    expect(heatTextColor(0.1)).toBe('#1d2330');
    expect(heatShare(5, 0)).toBe(0);
    expect(heatShare(null, 10)).toBe(0);
    expect(heatShare(5, 10)).toBe(0.5);
  });
});

describe('niceTicks', () => {
  it('gives round steps covering the maximum', () => {
    expect(niceTicks(9)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.37)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(12.5)).toEqual([0, 2.5, 5, 7.5, 10, 12.5]);
  });
});

describe('formatting measures', () => {
  it('writes counts whole, % with one decimal, per 1,000 words with two, and — for no denominator', () => {
    expect(formatMeasure(1234, 'segments', 'en')).toBe('1,234');
    expect(formatMeasure(33.333, 'percent', 'en')).toBe('33.3 %');
    expect(formatMeasure(12.5, 'per1000', 'ru')).toBe('12,50');
    expect(formatMeasure(null, 'percent', 'en')).toBe('—');
    expect(roundMeasure(33.333, 'percent')).toBe(33.3);
    expect(roundMeasure(null, 'per1000')).toBeNull();
  });
});
