import type { Command } from '@tiptap/pm/state';
import { highlightsOnScreen } from '../plugins/codingHighlights';
import { dispatchHighlights } from './dispatchHighlights';

/** Codings are gone (removed, undone, or rolled back): their highlights go. False when none of them is drawn. */
export function removeCoding(ids: readonly number[]): Command {
  return (state, dispatch) => {
    const drawn = highlightsOnScreen(state);
    const remove = ids.filter((id) => drawn.has(id));
    if (!remove.length) return false;
    if (dispatch) dispatchHighlights(dispatch, state.tr, { remove });
    return true;
  };
}
