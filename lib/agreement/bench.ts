import { characterLevel } from './character-level';
import { clusteredBootstrap } from './clustered-bootstrap';
import { prepareStudy } from './document';
import { agreementReport } from './report';
import { segmentAgreement } from './segment-level';
import { syntheticStudy, type SyntheticStudyOptions } from './synthetic';
import { turnLevel } from './turn-level';

/**
 * Times the agreement computations on a deterministic synthetic study, by default at the
 * project's scale: 16 documents × 1,200 turns (≈ 200k characters each) × 3 coders × 40 codes.
 * Targets: the whole report (turn, character and segment levels) ≤ 300 ms; 1,000 bootstrap
 * resamples ≤ 2 s. Returns milliseconds by step; `report (cold)` is the first run in a fresh
 * process (JIT not warmed up), the other steps are measured after it. Prints nothing and
 * asserts nothing: `npm run bench` prints the figures.
 */
export function benchAgreement(options: SyntheticStudyOptions & { samples?: number } = {}): Record<string, number> {
  const input = syntheticStudy(options);
  const samples = options.samples ?? 1000;
  const timings: Record<string, number> = {};
  const time = <T>(name: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    timings[name] = Math.round((performance.now() - started) * 10) / 10;
    return result;
  };

  time('report (cold)', () => agreementReport(input));
  time('report', () => agreementReport(input));
  const study = time('prepare', () => prepareStudy(input));
  const turn = time('turn level', () => turnLevel(study));
  const character = time('character level', () => characterLevel(study));
  time('segment level', () => segmentAgreement(study));
  time(`bootstrap turn level ×${samples}`, () => clusteredBootstrap(turn.table, { samples }));
  time(`bootstrap character level ×${samples}`, () => clusteredBootstrap(character.table, { samples }));
  return timings;
}
