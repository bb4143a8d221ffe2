import type { Command } from '@tiptap/pm/state';
import { highlightKey, highlightsOnScreen, type Highlight } from '../plugins/codingHighlights';
import { dispatchHighlights } from './dispatchHighlights';

/**
 * Codings changed: the highlights of `from` give way to `to`, in one transaction. A
 * coding given a new code or range keeps its id (it is in both); a saved coding takes the
 * place of the stand-in drawn while it was being saved (`from` the stand-in's id); a
 * coding put back after a failed removal is only in `to`. False when the screen already
 * shows exactly this.
 */
export function updateCoding(from: readonly number[], to: readonly Highlight[]): Command {
  return (state, dispatch) => {
    const drawn = highlightsOnScreen(state);
    const staying = new Set(to.map((h) => h.id));
    const remove = from.filter((id) => drawn.has(id) && !staying.has(id));
    const add = to.filter((h) => drawn.get(h.id) !== highlightKey(h));
    if (!remove.length && !add.length) return false;
    if (dispatch) dispatchHighlights(dispatch, state.tr, { remove, add });
    return true;
  };
}
