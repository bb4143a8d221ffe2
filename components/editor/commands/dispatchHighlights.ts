import type { Transaction } from '@tiptap/pm/state';
import { setHighlightMeta, type HighlightMeta } from '../plugins/codingHighlights';

/**
 * Dispatches `tr` carrying a change of the highlights. Timed, so `npm run bench` can read
 * how long a patch of the decoration set and the view's update take ("fgc:highlights").
 */
export function dispatchHighlights(dispatch: (tr: Transaction) => void, tr: Transaction, meta: HighlightMeta): void {
  const t0 = performance.now();
  dispatch(setHighlightMeta(tr, meta));
  performance.measure('fgc:highlights', { start: t0, detail: { add: meta.add?.length ?? 0, remove: meta.remove?.length ?? 0 } });
}
