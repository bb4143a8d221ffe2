/**
 * Bounded regular-expression searches: each runs in a worker thread of its own (a
 * backtracking pattern may take its whole time limit), so at most SEARCH_REGEX_PER_USER
 * (default 2) run at once per user and SEARCH_REGEX_TOTAL (default 4) in all; one more is
 * refused at once with `search.busy` (HTTP 429), instead of making everyone's requests wait.
 * Word searches (SQLite's full-text index) are not limited.
 */
import { DomainError } from '@/lib/errors';

const holder = globalThis as unknown as { __regexSlots?: { total: number; perUser: Map<number, number> } };
const slots = (holder.__regexSlots ??= { total: 0, perUser: new Map() });

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** Runs `search` in one of the slots when it is a regex search; throws search.busy when none is free. */
export async function withSearchSlot<T>(userId: number, regex: boolean, search: () => Promise<T>): Promise<T> {
  if (!regex) return search();
  const perUser = envInt('SEARCH_REGEX_PER_USER', 2);
  const total = envInt('SEARCH_REGEX_TOTAL', 4);
  const mine = slots.perUser.get(userId) ?? 0;
  if (mine >= perUser || slots.total >= total) throw new DomainError('search.busy', { perUser, total });
  slots.total++;
  slots.perUser.set(userId, mine + 1);
  try {
    return await search();
  } finally {
    slots.total--;
    const left = (slots.perUser.get(userId) ?? 1) - 1;
    if (left > 0) slots.perUser.set(userId, left);
    else slots.perUser.delete(userId);
  }
}

/** Regex searches running now (tests). */
export function runningRegexSearches(): number {
  return slots.total;
}
