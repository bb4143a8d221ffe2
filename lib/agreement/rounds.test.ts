import { describe, expect, it } from 'vitest';
import type { AgreementDocument, AgreementInput } from './document';
import { clusteredBootstrap } from './clustered-bootstrap';
import { prepareStudy } from './document';
import { roundsAgreement } from './rounds';
import { agreementSummary } from './summary';
import { turnLevel } from './turn-level';
import { unitizedReport } from './unitized-report';

// Four participant turns of 10 characters each: [0,10) [11,21) [22,32) [33,43).
const turns = [0, 11, 22, 33].map((start) => ({ start, end: start + 10, isParticipant: true }));
const whole = (...indexes: number[]) => indexes.map((i) => ({ codeId: 'a', start: turns[i].start, end: turns[i].end }));
const doc = (id: string, ana: number[], bek: number[]): AgreementDocument => ({ id, turns, assignedCoders: ['ana', 'bek'], codings: { ana: whole(...ana), bek: whole(...bek) } });

// Round 1 (document r1): ana codes turns 1 and 2, bek only turn 1. Round 2 (r2): both code turns 1 and 2.
// A third document (free) is in no round and is coded in complete disagreement.
const input: AgreementInput = { coders: ['ana', 'bek'], codes: ['a'], documents: [doc('r1', [0, 1], [0]), doc('r2', [0, 1], [0, 1]), doc('free', [0], [2])] };
const rounds = [
  { id: '1', name: 'Round 1', documents: ['r1'] },
  { id: '2', name: 'Round 2', documents: ['r2'] },
];

describe('roundsAgreement', () => {
  it('gives each round its own α at turn and character level, computed by hand', () => {
    const [r1, r2] = roundsAgreement(input, rounds);
    // Round 1, turn level: 4 units (turn × code a), values (1,1) (1,0) (0,0) (0,0).
    // Pairable values n = 8; n1 = 3 ones, n0 = 5 zeros; off-diagonal coincidences o01 = 1 (the (1,0) unit).
    // Nominal binary α = 1 − (n − 1)·o01 / (n0·n1) = 1 − 7·1/(5·3) = 8/15 = 0.53333…
    // Percent agreement: 3 of 4 units = 0.75.
    expect(r1.turn.units).toBe(4);
    expect(r1.turn.alpha).toBeCloseTo(8 / 15, 12);
    expect(r1.turn.percentAgreement).toBeCloseTo(0.75, 12);
    // Round 1, character level: 40 characters; 10 are (1,1), 10 (1,0), 20 (0,0).
    // n = 80, n1 = 30, n0 = 50, o01 = 10: α = 1 − 79·10/(50·30) = 1 − 790/1500 = 71/150 = 0.47333…
    expect(r1.character.units).toBe(40);
    expect(r1.character.alpha).toBeCloseTo(71 / 150, 12);
    // Round 2: both coders identical and not constant: D_o = 0, α = 1 at both levels.
    expect(r2.turn.alpha).toBe(1);
    expect(r2.character.alpha).toBe(1);
    expect([r1.documents, r1.compared, r2.documents, r2.compared]).toEqual([1, 1, 1, 1]);
    expect(r1.unitized).toBeNull();
    expect(r1.turn.ci).toBeNull();
  });

  it('gives αu per round with a seeded bootstrap: the round alone, and 1 with intervals [1, 1] where the coders agree', () => {
    const boot = { samples: 200, seed: 11 };
    const [r1, r2] = roundsAgreement(input, rounds, { unitized: true, bootstrap: boot });
    // Identical units: observed disagreement 0, αu = 1, and every resample of identical turns is 1.
    expect(r2.unitized!.overall.alpha).toBe(1);
    expect(r2.unitized!.ci).toMatchObject({ low: 1, high: 1 });
    expect(r2.turn.ci).toMatchObject({ low: 1, high: 1 });
    // Round 1 is the unitizing report of its document alone, interval included (same seed, same clusters).
    const alone = unitizedReport(prepareStudy({ ...input, documents: [input.documents[0]] }), { bootstrap: boot });
    expect(r1.unitized!.overall).toEqual(alone.alphaU.overall);
    expect(r1.unitized!.ci).toEqual(alone.alphaUCi!.overall);
    expect(r1.unitized!.length).toBe(40);
    const turnBoot = clusteredBootstrap(turnLevel(prepareStudy({ ...input, documents: [input.documents[0]] })).table, boot).pooled;
    expect(r1.turn.ci).toEqual({ low: turnBoot.low, high: turnBoot.high, defined: turnBoot.defined });
    expect(r1.turn.ci!.low).toBeLessThanOrEqual(8 / 15);
    expect(r1.turn.ci!.high).toBeGreaterThanOrEqual(8 / 15);
    // The same seed gives the same intervals.
    expect(roundsAgreement(input, rounds, { unitized: true, bootstrap: boot })).toEqual([r1, r2]);
  });

  it('is undefined (NaN, flagged) for a round with no compared document, and is part of the summary', () => {
    const [empty] = roundsAgreement(input, [{ id: '3', name: 'Round 3', documents: ['missing'] }]);
    expect(empty.documents).toBe(0);
    expect(empty.turn.alpha).toBeNaN();
    expect(empty.turn.flag).toBe('too-few-units');
    const summary = agreementSummary(input, { rounds });
    expect(summary.rounds.map((r) => [r.name, r.turn.alpha])).toEqual([
      ['Round 1', 8 / 15],
      ['Round 2', 1],
    ]);
    // the whole comparison still covers every document
    expect(summary.report.turn.pooled.units).toBe(12);
    expect(agreementSummary(input).rounds).toEqual([]);
  });
});
