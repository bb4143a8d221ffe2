import { TextSelection, type Command, type EditorState, type Transaction } from '@tiptap/pm/state';

/** A transaction that collapses the selection to its end. */
export function collapsed(state: EditorState): Transaction {
  return state.tr.setSelection(TextSelection.create(state.doc, state.selection.to));
}

/** Drops the selection, leaving the cursor at its end (Esc, closing the popover). */
export const collapseSelection: Command = (state, dispatch) => {
  if (dispatch) dispatch(collapsed(state));
  return true;
};
