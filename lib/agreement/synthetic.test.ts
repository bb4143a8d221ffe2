import { describe, expect, it } from 'vitest';
import { syntheticStudy } from './synthetic';

describe('syntheticStudy', () => {
  it('is deterministic for a seed and has the requested shape', () => {
    const a = syntheticStudy({ documents: 2, turns: 50, codes: 5, coders: 3, seed: 4 });
    expect(syntheticStudy({ documents: 2, turns: 50, codes: 5, coders: 3, seed: 4 })).toEqual(a);
    expect(a.documents).toHaveLength(2);
    expect(a.coders).toEqual(['coder-1', 'coder-2', 'coder-3']);
    expect(a.codes).toHaveLength(5);
    const doc = a.documents[0];
    expect(doc.turns).toHaveLength(50);
    for (let i = 1; i < doc.turns.length; i++) expect(doc.turns[i].start).toBe(doc.turns[i - 1].end + 1);
    const textLength = doc.turns[49].end;
    for (const coder of a.coders) {
      for (const c of doc.codings[coder] ?? []) {
        expect(c.end).toBeGreaterThan(c.start);
        expect(c.start).toBeGreaterThanOrEqual(0);
        expect(c.end).toBeLessThanOrEqual(textLength);
        expect(a.codes).toContain(c.codeId);
      }
    }
  });

  it('defaults to the project’s scale: 16 × 1,200 turns of ≈ 200k characters', () => {
    const s = syntheticStudy({ documents: 1 });
    const doc = s.documents[0];
    expect(doc.turns).toHaveLength(1200);
    expect(doc.turns[1199].end).toBeGreaterThan(150_000);
    expect(doc.turns[1199].end).toBeLessThan(250_000);
    expect(s.codes).toHaveLength(40);
  });
});
