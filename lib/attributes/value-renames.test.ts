import { describe, expect, it } from 'vitest';
import { inferValueRenames } from './value-renames';

describe('inferValueRenames', () => {
  it('reads a line edited in place as a rename', () => {
    expect(inferValueRenames(['Семей', 'Алматы'], ['Семей (Абай)', 'Алматы', 'Тараз'])).toEqual({ Семей: 'Семей (Абай)' });
  });
  it('does not read reordering, additions or removals as renames', () => {
    expect(inferValueRenames(['A', 'B'], ['B', 'A'])).toEqual({});
    expect(inferValueRenames(['A', 'B'], ['A'])).toEqual({});
    expect(inferValueRenames(['A', 'B'], ['B'])).toEqual({});
    expect(inferValueRenames(['Female'], ['female'])).toEqual({});
  });
});
