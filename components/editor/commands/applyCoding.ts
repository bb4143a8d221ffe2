import type { Command } from '@tiptap/pm/state';
import type { Highlight } from '../plugins/codingHighlights';
import { collapsed } from './collapseSelection';
import { dispatchHighlights } from './dispatchHighlights';

/**
 * The selected passage is coded: its codings' highlights are drawn and the selection
 * collapses to its end (the popover closes, the keyboard goes back to the text), in one
 * transaction. `highlights` may be empty (the codes are hidden in the sidebar).
 */
export function applyCoding(highlights: readonly Highlight[]): Command {
  return (state, dispatch) => {
    if (dispatch) dispatchHighlights(dispatch, collapsed(state), { add: highlights });
    return true;
  };
}
