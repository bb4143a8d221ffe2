import type { Command } from '@tiptap/pm/state';
import { applyCoding } from '../commands/applyCoding';
import { removeCoding } from '../commands/removeCoding';
import { updateCoding } from '../commands/updateCoding';
import type { CodingsDraw } from '../codingWrites';
import { highlightList, type HighlightContext } from './highlights';

/**
 * The codings' changes as the editor's commands: `run` runs a command on the editor,
 * `context` says how codings are drawn at that moment (codes shown, coding picked).
 */
export function drawCodings(run: (command: Command) => void, context: () => HighlightContext): CodingsDraw {
  return {
    applied: (codings) => run(applyCoding(highlightList(codings, context()))),
    removed: (ids) => run(removeCoding(ids)),
    updated: (from, to) => run(updateCoding(from, highlightList(to, context()))),
  };
}
