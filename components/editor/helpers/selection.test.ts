import { describe, expect, it } from 'vitest';
import { buildCanonicalText } from '@/lib/text/canonical';
import { selectedRange } from './selection';

// "Alpha beta gamma" is offsets 0..16 (positions 1..17); "Delta" 17..22 (positions 19..24).
const { text, ranges } = buildCanonicalText([{ text: 'Alpha beta gamma' }, { text: 'Delta' }]);

describe('selectedRange', () => {
  it('is the selected text as offsets', () => {
    expect(selectedRange(ranges, text, 7, 11, false)).toEqual({ start: 6, end: 10 });
  });
  it('widens to whole words when snapping', () => {
    // "lpha be" → "Alpha beta"
    expect(selectedRange(ranges, text, 2, 9, true)).toEqual({ start: 0, end: 10 });
    expect(selectedRange(ranges, text, 2, 9, false)).toEqual({ start: 1, end: 8 });
  });
  it('spans turns', () => {
    expect(selectedRange(ranges, text, 13, 21, true)).toEqual({ start: 11, end: 22 });
  });
  it('is nothing for an empty selection; white space alone stays as selected', () => {
    expect(selectedRange(ranges, text, 7, 7, true)).toBeNull();
    // The space between "Alpha" and "beta": snapping leaves it as it is, and it is coded.
    expect(selectedRange(ranges, text, 6, 7, true)).toEqual({ start: 5, end: 6 });
    // A selection from the end of one turn to the start of the next holds only the break.
    expect(selectedRange(ranges, text, 17, 19, false)).toEqual({ start: 16, end: 17 });
  });
});
