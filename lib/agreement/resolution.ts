/**
 * What resolving a disagreement writes to the consensus layer. A resolution replaces the
 * passage in the consensus layer: the consensus codings of the code that overlap the passage
 * go, and the decision's ranges come in. Applying the same decision twice gives the same
 * consensus, and changing one's mind is another decision, never a pile-up of codings.
 */
import type { Disagreement } from './disagreements';

/**
 * The lead's decision on one disagreement:
 * - `accept`: the consensus takes that coder's codings of the passage (none, if the coder did
 *   not code it: then the code does not apply here);
 * - `both`: every distinct range any compared coder coded;
 * - `reject`: the code does not apply to the passage;
 * - `edit`: one coding on a range the lead sets.
 */
export type Decision =
  | { kind: 'accept'; coder: string }
  | { kind: 'both' }
  | { kind: 'reject' }
  | { kind: 'edit'; start: number; end: number };

export interface Range {
  start: number;
  end: number;
}

/**
 * The ranges the consensus layer gets for the passage, sorted, without duplicates. Throws when
 * `accept` names a coder not compared in the disagreement.
 */
export function consensusRanges(item: Disagreement, decision: Decision): Range[] {
  switch (decision.kind) {
    case 'accept': {
      const coder = item.coders.find((c) => c.coder === decision.coder);
      if (!coder) throw new Error(`Coder ${decision.coder} is not compared in this disagreement`);
      return distinct(coder.codings);
    }
    case 'both':
      return distinct(item.coders.flatMap((c) => c.codings));
    case 'reject':
      return [];
    case 'edit':
      return [{ start: decision.start, end: decision.end }];
  }
}

/** The consensus codings a resolution replaces: those of the passage's code that overlap it. */
export function replacedConsensus<T extends Range & { codeId: string }>(item: Disagreement, consensus: readonly T[]): T[] {
  return consensus.filter((c) => c.codeId === item.codeId && c.start < item.end && c.end > item.start);
}

function distinct(ranges: readonly Range[]): Range[] {
  const seen = new Set<string>();
  const out: Range[] = [];
  for (const r of [...ranges].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${r.start}-${r.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ start: r.start, end: r.end });
  }
  return out;
}
