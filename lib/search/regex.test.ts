import { describe, expect, it } from 'vitest';
import { regexMatches, regexProblem, RegexSearchError } from './regex';

describe('regexMatches', () => {
  it('finds matches case-insensitively per text, as UTF-16 offsets', async () => {
    const texts = ['🥰 Әкімдік пен әкімдікке', 'петиция', 'ничего'];
    const { ranges, truncated } = await regexMatches('әкімдік\\p{L}*', texts);
    expect(truncated).toBe(false);
    expect(ranges).toEqual([[3, 10, 15, 24], [], []]);
  });

  it('skips empty matches without looping', async () => {
    const { ranges } = await regexMatches('x*', ['a🥰bx']);
    expect(ranges).toEqual([[4, 5]]);
  });

  it('stops at the match limit', async () => {
    const { ranges, truncated } = await regexMatches('a', ['aaaa', 'aaaa'], { maxMatches: 3 });
    expect(truncated).toBe(true);
    expect(ranges.flat()).toHaveLength(6);
  });

  it('rejects an invalid pattern, naming the problem', async () => {
    expect(regexProblem('(a')).toMatch(/Unterminated group/);
    expect(regexProblem('a')).toBeNull();
    await expect(regexMatches('(a', ['a'])).rejects.toMatchObject({ code: 'invalidRegex' });
  });

  it('stops a catastrophic pattern at the time limit', async () => {
    const started = Date.now();
    const err = await regexMatches('(a+)+$', ['a'.repeat(40) + '!'], { timeLimitMs: 300 }).catch((e) => e);
    expect(err).toBeInstanceOf(RegexSearchError);
    expect(err.code).toBe('regexTimeout');
    expect(err.message).toMatch(/stopped after 0.3 s/);
    // Not a timing assertion on speed: only that it did stop rather than run for ages.
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
