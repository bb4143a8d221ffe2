/**
 * Transcript corrections as operations on turns. Each operation yields the new turns and
 * the single change it makes to the canonical text, through which codings are remapped.
 */
import { buildCanonicalText } from './canonical';
import type { TextChange } from './remap';
import { diffText } from './remap';
import { DomainError } from '../errors';

export type SpeakerKind = 'participant' | 'moderator' | 'unknown';

export interface CorrectableTurn {
  speakerKind: SpeakerKind;
  participantId: number | null;
  speakerLabel: string;
  timestamp: string | null;
  text: string;
}

export type TurnOp =
  | { op: 'edit'; index: number; text: string }
  | { op: 'speaker'; index: number; speakerKind: SpeakerKind; participantId: number | null; speakerLabel: string }
  | { op: 'split'; index: number; at: number }
  | { op: 'merge'; index: number };

/** Thrown for an operation that cannot apply; the message names the turn. */
export class CorrectionError extends DomainError {}

/**
 * Applies one operation (turn indices are 0-based). Returns the new turns and the change
 * to the canonical text (null when only a speaker changed).
 */
export function applyTurnOp(turns: readonly CorrectableTurn[], op: TurnOp): { turns: CorrectableTurn[]; change: TextChange | null } {
  const turn = turns[op.index];
  if (!turn) throw new CorrectionError('correction.no_turn', { turn: op.index + 1 });
  const { ranges } = buildCanonicalText(turns);
  const r = ranges[op.index];
  const next = turns.map((t) => ({ ...t }));
  switch (op.op) {
    case 'edit': {
      const text = op.text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
      const d = diffText(turn.text, text);
      next[op.index].text = text;
      return { turns: next, change: d && { from: r.start + d.from, to: r.start + d.to, insert: d.insert } };
    }
    case 'speaker': {
      next[op.index] = { ...turn, speakerKind: op.speakerKind, participantId: op.speakerKind === 'participant' ? op.participantId : null, speakerLabel: op.speakerLabel };
      if (op.speakerKind === 'participant' && op.participantId == null) throw new CorrectionError('correction.choose_participant', { turn: op.index + 1 });
      return { turns: next, change: null };
    }
    case 'split': {
      if (!Number.isInteger(op.at) || op.at <= 0 || op.at >= turn.text.length) {
        throw new CorrectionError('correction.split_outside', { turn: op.index + 1 });
      }
      const left = turn.text.slice(0, op.at).trimEnd();
      const right = turn.text.slice(op.at).trimStart();
      if (!left || !right) throw new CorrectionError('correction.split_empty_part', { turn: op.index + 1 });
      next.splice(op.index, 1, { ...turn, text: left }, { ...turn, text: right, timestamp: null });
      return { turns: next, change: { from: r.start + left.length, to: r.end - right.length, insert: '\n' } };
    }
    case 'merge': {
      const after = turns[op.index + 1];
      if (!after) throw new CorrectionError('correction.merge_last', { turn: op.index + 1 });
      const glue = turn.text && after.text ? ' ' : '';
      next.splice(op.index, 2, { ...turn, text: turn.text + glue + after.text });
      return { turns: next, change: { from: r.end, to: r.end + 1, insert: glue } };
    }
  }
}
