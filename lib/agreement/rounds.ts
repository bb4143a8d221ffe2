/**
 * Agreement per training round (issue #19): a lead marks documents as rounds ("Round 1",
 * "Round 2", …) and the report shows each round's pooled α at turn and character level and,
 * when the unitizing coefficients are on, αu — each with its seeded bootstrap interval, so a
 * team sees whether training worked before coding the rest.
 *
 * A round is computed exactly as the whole comparison would be on the round's documents
 * alone (those of the compared selection): the same preparation, the same clustered bootstrap
 * (participant turns resampled) with the same seed.
 */
import { characterLevel } from './character-level';
import { clusteredBootstrap } from './clustered-bootstrap';
import { unitizedContinuum } from './continuum';
import { prepareStudy, type AgreementInput } from './document';
import type { LevelAgreement } from './report';
import { turnLevel } from './turn-level';
import { bootstrapUnitizedAlpha, unitizedAlpha, type UnitizedDisagreement, type UnitizedInterval } from './unitized';

/** A round as the report gets it: its name and its document ids (as in the input). */
export interface RoundSpec {
  id: string;
  name: string;
  documents: readonly string[];
}

export interface RoundAgreement {
  id: string;
  name: string;
  /** Documents of the round in the compared selection, and of those the ones with ≥ 2 compared coders. */
  documents: number;
  compared: number;
  turn: LevelAgreement;
  character: LevelAgreement;
  /** αu over the round's documents assigned to every compared coder; null unless asked for. */
  unitized: { overall: UnitizedDisagreement; length: number; ci: UnitizedInterval | null } | null;
}

export interface RoundOptions {
  excludeUncoded?: boolean;
  unitized?: boolean;
  bootstrap?: { samples?: number; seed?: number } | false;
}

/** Each round's agreement, in the given order (see the module comment). Undefined α is NaN (αu: null). */
export function roundsAgreement(input: AgreementInput, rounds: readonly RoundSpec[], options: RoundOptions = {}): RoundAgreement[] {
  return rounds.map((round) => {
    const wanted = new Set(round.documents);
    const docs = input.documents.filter((d) => d.id !== undefined && wanted.has(d.id));
    const study = prepareStudy({ ...input, documents: docs });
    const turn = turnLevel(study);
    const character = characterLevel(study, { excludeUncoded: options.excludeUncoded });
    const boot = options.bootstrap ? options.bootstrap : null;
    const turnCi = boot ? clusteredBootstrap(turn.table, boot).pooled : null;
    const characterCi = boot ? clusteredBootstrap(character.table, boot).pooled : null;
    let unitized: RoundAgreement['unitized'] = null;
    if (options.unitized) {
      const continuum = unitizedContinuum(study, { excludeUncoded: options.excludeUncoded });
      unitized = {
        overall: unitizedAlpha(continuum).overall,
        length: continuum.length,
        ci: boot ? bootstrapUnitizedAlpha(continuum, boot).overall : null,
      };
    }
    const ci = (c: { low: number; high: number; defined: number } | null) => (c ? { low: c.low, high: c.high, defined: c.defined } : null);
    return {
      id: round.id,
      name: round.name,
      documents: docs.length,
      compared: study.documents.filter((d) => d.assignedCount >= 2).length,
      turn: { ...turn.pooled, ci: ci(turnCi) },
      character: { ...character.pooled, ci: ci(characterCi) },
      unitized,
    };
  });
}
