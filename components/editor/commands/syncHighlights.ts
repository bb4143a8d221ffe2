import type { Command } from '@tiptap/pm/state';
import { highlightKey, highlightsOnScreen, type Highlight } from '../plugins/codingHighlights';
import { dispatchHighlights } from './dispatchHighlights';

/** What to take away and draw so that the screen (`onScreen`: key by coding id) shows `wanted`. */
export function highlightDiff(onScreen: ReadonlyMap<number, string>, wanted: ReadonlyMap<number, Highlight>): { add: Highlight[]; remove: number[] } {
  const remove: number[] = [];
  const add: Highlight[] = [];
  for (const [id, key] of onScreen) {
    const h = wanted.get(id);
    if (h === undefined || highlightKey(h) !== key) remove.push(id);
  }
  for (const [id, h] of wanted) if (onScreen.get(id) !== highlightKey(h)) add.push(h);
  return { add, remove };
}

/**
 * The highlights become `wanted`, by patching the decoration set with the difference from
 * what it draws (never rebuilding it): for changes that come from outside a coding command
 * (codings from the server, codes shown or hidden, the coding picked). False when the
 * screen already shows `wanted`.
 */
export function syncHighlights(wanted: ReadonlyMap<number, Highlight>): Command {
  return (state, dispatch) => {
    const diff = highlightDiff(highlightsOnScreen(state), wanted);
    if (!diff.add.length && !diff.remove.length) return false;
    if (dispatch) dispatchHighlights(dispatch, state.tr, diff);
    return true;
  };
}
