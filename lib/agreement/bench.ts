import { characterLevel } from './character-level';
import { clusteredBootstrap } from './clustered-bootstrap';
import { unitizedContinuum } from './continuum';
import { prepareStudy } from './document';
import { agreementReport } from './report';
import { segmentAgreement } from './segment-level';
import { syntheticStudy, type SyntheticStudyOptions } from './synthetic';
import { turnLevel } from './turn-level';
import { bootstrapUnitizedAlpha, unitizedAlpha } from './unitized';
import { bootstrapUnitizedFamily, unitizedFamily } from './unitized-family';

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
  const { timings, time } = stopwatch();

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

/**
 * Times the unitizing coefficients on the same synthetic study (default: 16 documents ×
 * ≈ 200k characters × 40 codes × 3 coders): building the continuum, Krippendorff's αu per code
 * and overall, the cu-α family (codes in 5 domains), and their 1,000-resample bootstraps.
 * Targets: αu (continuum + coefficient) ≤ 500 ms; with its bootstrap ≤ 3 s. `(cold)` is the
 * first run in the process. Also returns the continuum's size. Prints and asserts nothing.
 */
export function benchUnitized(options: SyntheticStudyOptions & { samples?: number } = {}): Record<string, number> {
  const input = syntheticStudy(options);
  const samples = options.samples ?? 1000;
  const { timings, time } = stopwatch();
  const domains = Object.fromEntries((input.codes ?? []).map((code, i) => [code, `domain-${i % 5}`]));
  time('αu: prepare + continuum + αu (cold)', () => unitizedAlpha(unitizedContinuum(prepareStudy(input))));
  const study = time('prepare', () => prepareStudy(input));
  const continuum = time('continuum', () => unitizedContinuum(study));
  time('αu per code and overall', () => unitizedAlpha(continuum));
  time('αu: prepare + continuum + αu', () => unitizedAlpha(unitizedContinuum(prepareStudy(input))));
  time(`αu + bootstrap ×${samples}`, () => bootstrapUnitizedAlpha(unitizedContinuum(prepareStudy(input)), { samples }));
  time('continuum without uncoded text + αu', () => unitizedAlpha(unitizedContinuum(study, { excludeUncoded: true })));
  time('cu-α family', () => unitizedFamily(continuum, { domains }));
  time(`cu-α family bootstrap ×${samples}`, () => bootstrapUnitizedFamily(continuum, { domains, samples }));
  timings['continuum characters'] = continuum.length;
  timings['clusters (turns)'] = continuum.clusterEnds.length;
  timings['units'] = continuum.units.reduce((n, byCoder) => n + byCoder.reduce((k, u) => k + u.length / 2, 0), 0);
  return timings;
}

/** Milliseconds by step name (one decimal), and the function that records a step. */
function stopwatch() {
  const timings: Record<string, number> = {};
  const time = <T>(name: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    timings[name] = Math.round((performance.now() - started) * 10) / 10;
    return result;
  };
  return { timings, time };
}
