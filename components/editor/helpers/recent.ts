/** How many recently used codes the popover keeps first. */
export const RECENT_LIMIT = 12;

/** The recently used codes after `used` were applied: those first (in that order), then the rest, at most RECENT_LIMIT. */
export function withRecent(recent: readonly number[], used: readonly number[]): number[] {
  return [...used, ...recent.filter((r) => !used.includes(r))].slice(0, RECENT_LIMIT);
}

/** The recently used codes as stored (a JSON list of code ids); anything else is none. */
export function parseRecent(stored: string | null): number[] {
  try {
    const v: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
  } catch {
    return [];
  }
}
