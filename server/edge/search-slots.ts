/**
 * Bounded regular-expression searches: each runs in a worker thread of its own (a
 * backtracking pattern may take its whole time limit), so at most SEARCH_REGEX_PER_USER
 * (default 2) run at once per user and SEARCH_REGEX_TOTAL (default 4) in all; one more is
 * refused at once with `search.busy` (HTTP 429), instead of making everyone's requests wait.
 * Word searches (SQLite's full-text index) are not limited.
 */
import { slotsInUse, withSlot, type SlotPool } from '@/server/edge/slots';

const REGEX_SEARCHES: SlotPool = {
  key: '__regexSlots',
  reason: 'search.busy',
  perUser: { env: 'SEARCH_REGEX_PER_USER', fallback: 2 },
  total: { env: 'SEARCH_REGEX_TOTAL', fallback: 4 },
};

/** Runs `search` in one of the slots when it is a regex search; throws search.busy when none is free. */
export async function withSearchSlot<T>(userId: number, regex: boolean, search: () => Promise<T>): Promise<T> {
  return regex ? withSlot(REGEX_SEARCHES, userId, search) : search();
}

/** Regex searches running now (tests). */
export function runningRegexSearches(): number {
  return slotsInUse(REGEX_SEARCHES);
}
