import { describe, expect, it } from 'vitest';
import { isGuid, normaliseGuid, randomGuid, seededGuids } from './guid';

describe('normaliseGuid', () => {
  it('lower-cases and drops braces; refuses what is not a GUID', () => {
    expect(normaliseGuid('08AB307E-CFF7-424C-AD34-8CF47AEBB6C4')).toBe('08ab307e-cff7-424c-ad34-8cf47aebb6c4');
    expect(normaliseGuid(' {08ab307e-CFF7-424c-AD34-8cf47aebb6c4} ')).toBe('08ab307e-cff7-424c-ad34-8cf47aebb6c4');
    expect(normaliseGuid('{08ab307e-cff7-424c-ad34-8cf47aebb6c4')).toBeUndefined(); // one brace
    expect(normaliseGuid('08ab307e-cff7-424c-ad34-8cf47aebb6c')).toBeUndefined();
    expect(normaliseGuid('code:1')).toBeUndefined();
    expect(normaliseGuid(undefined)).toBeUndefined();
    expect(isGuid('{08AB307E-CFF7-424C-AD34-8CF47AEBB6C4}')).toBe(true);
  });
});

describe('GUID generators', () => {
  it('seeded: the same seed gives the same sequence of distinct version-4 GUIDs', () => {
    const a = seededGuids('seed');
    const b = seededGuids('seed');
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(new Set(xs).size).toBe(1000);
    for (const x of xs) expect(x).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(seededGuids('other')()).not.toBe(xs[0]);
  });

  it('random: valid and different', () => {
    expect(isGuid(randomGuid())).toBe(true);
    expect(randomGuid()).not.toBe(randomGuid());
  });
});
