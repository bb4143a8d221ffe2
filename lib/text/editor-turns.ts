/**
 * The turns the coding editor shows, and the compact form they travel to the browser in:
 * each speaker (label, kind, the participant's details) once rather than on every one of
 * a transcript's thousand or more turns, and no offsets, which the browser works out by
 * laying the turns end to end as the canonical text does.
 */
import { buildCanonicalText } from './canonical';

export interface EditorTurn {
  seq: number;
  /** [start, end) of the turn in the document's canonical text. */
  start: number;
  end: number;
  text: string;
  /** The label shown beside the turn. */
  speaker: string;
  kind: 'participant' | 'moderator' | 'unknown';
  /** The participant's label and attributes, one per line (the label's tooltip); empty for others. */
  info: string;
}

export interface PackedTurns {
  speakers: Array<{ speaker: string; kind: EditorTurn['kind']; info: string }>;
  /** One row per turn, in order: seq, index into speakers, text. */
  turns: Array<[number, number, string]>;
}

export function packTurns(turns: readonly EditorTurn[]): PackedTurns {
  const speakers: PackedTurns['speakers'] = [];
  const index = new Map<string, number>();
  const rows = turns.map((t): [number, number, string] => {
    const key = JSON.stringify([t.speaker, t.kind, t.info]);
    let i = index.get(key);
    if (i === undefined) {
      i = speakers.push({ speaker: t.speaker, kind: t.kind, info: t.info }) - 1;
      index.set(key, i);
    }
    return [t.seq, i, t.text];
  });
  return { speakers, turns: rows };
}

export function unpackTurns({ speakers, turns }: PackedTurns): EditorTurn[] {
  const { ranges } = buildCanonicalText(turns.map(([, , text]) => ({ text })));
  return turns.map(([seq, s, text], i) => ({ seq, ...ranges[i], text, ...speakers[s] }));
}
