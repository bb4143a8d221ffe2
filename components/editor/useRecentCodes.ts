import { useEffect, useState } from 'react';
import { parseRecent, withRecent } from './helpers/recent';

const RECENT_KEY = 'fgcoder.recentCodes';

/** The codes this browser applied last, first in the popover; kept in localStorage. */
export function useRecentCodes() {
  const [recent, setRecent] = useState<number[]>([]);
  useEffect(() => setRecent(parseRecent(localStorage.getItem(RECENT_KEY))), []);
  const note = (ids: number[]) => {
    const next = withRecent(recent, ids);
    setRecent(next);
    localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  };
  return { recent, note };
}
