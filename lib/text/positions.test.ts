import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCanonicalText } from './canonical';
import { offsetToPos, posToOffset } from './positions';

// Turn texts with Kazakh letters, emoji (surrogate pairs) and empty turns.
const turnText = fc.array(fc.constantFrom('ә', 'Қ', 'ү', 'a', ' ', '👍', 'І', 'ң', '.'), { maxLength: 12 }).map((a) => a.join(''));

/** The positions ProseMirror would give each text offset, by walking the node structure. */
function modelPositions(texts: string[]): Map<number, number> {
  const map = new Map<number, number>();
  let pos = 0;
  let offset = 0;
  texts.forEach((t) => {
    pos += 1; // turn open token
    for (let k = 0; k <= t.length; k++) map.set(offset + k, pos + k);
    pos += t.length + 1; // content + close token
    offset += t.length + 1;
  });
  return map;
}

describe('offset ↔ position mapping', () => {
  it('maps a worked example with Kazakh text and an emoji', () => {
    const { text, ranges } = buildCanonicalText([{ text: 'Сәлем' }, { text: '👍 иә' }]);
    // doc: <turn>Сәлем</turn><turn>👍 иә</turn>; 'С' at pos 1, the emoji at pos 8
    expect(offsetToPos(ranges, 0)).toBe(1);
    expect(offsetToPos(ranges, 5)).toBe(6); // end of turn 1
    expect(text[6]).toBe('\ud83d');
    expect(offsetToPos(ranges, 6)).toBe(8);
    expect(offsetToPos(ranges, text.length)).toBe(13);
    expect(posToOffset(ranges, 7)).toBe(6); // between turns: start of the next turn
    expect(() => offsetToPos(ranges, text.length + 1)).toThrow(RangeError);
  });

  it('agrees with a walk of the node structure (property)', () => {
    fc.assert(
      fc.property(fc.array(turnText, { minLength: 1, maxLength: 8 }), (texts) => {
        const { ranges } = buildCanonicalText(texts.map((text) => ({ text })));
        for (const [offset, pos] of modelPositions(texts)) {
          expect(offsetToPos(ranges, offset)).toBe(pos);
          expect(posToOffset(ranges, pos)).toBe(offset);
        }
      }),
    );
  });

  it('round-trips every offset, and every position lands on a valid offset (property)', () => {
    fc.assert(
      fc.property(fc.array(turnText, { minLength: 1, maxLength: 8 }), fc.nat(200), (texts, p) => {
        const { text, ranges } = buildCanonicalText(texts.map((t) => ({ text: t })));
        for (let o = 0; o <= text.length; o++) expect(posToOffset(ranges, offsetToPos(ranges, o))).toBe(o);
        const o = posToOffset(ranges, p);
        expect(o).toBeGreaterThanOrEqual(0);
        expect(o).toBeLessThanOrEqual(text.length);
      }),
    );
  });
});
