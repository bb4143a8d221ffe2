/**
 * Benchmark of the agreement report as the server computes it: a synthetic project of 16
 * documents × ~1,200 turns × 3 coders × 40 codes in a temporary database, then the database
 * query that gathers the coders' layers plus the report with its breakdowns (turn, character and
 * segment level, per code, document and pair) — target ≤ 300 ms — and the same with a
 * 1,000-resample bootstrap of α — target ≤ 2 s; and both with the opt-in unitizing coefficients
 * (αu, the cu-α family and the pair matrix). `cold` is the first run in the process.
 * Returns milliseconds (and sizes); prints them when run directly: npx tsx scripts/bench/agreement.ts
 */
import { pathToFileURL } from 'node:url';
import { runAgreement } from '@/server/services/agreement';
import { agreementInput } from '../../db/queries/agreement';
import { openTestDatabase } from '../../db/testing';
import { listDisagreements } from '../../lib/agreement/disagreements';
import { parseAgreementSelection, type AgreementSelection } from '../../lib/agreement/selection';
import { agreementSummary } from '../../lib/agreement/summary';
import { reviewDocument } from '../../db/queries/agreement';
import { createSyntheticProject } from './synthetic';

const round = (ms: number) => Math.round(ms * 10) / 10;

async function time<T>(run: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: round(performance.now() - started), value };
}

/** Median of `runs` timings of `run`. */
async function median(runs: number, run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await time(run)).ms);
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

export async function benchAgreementReport(): Promise<Record<string, number>> {
  const { db, close } = openTestDatabase();
  try {
    const setup = await time(() =>
      createSyntheticProject(
        db,
        { documents: 16, participantsPerDocument: 6, turnsPerDocument: 1200, wordsPerTurn: 20, codes: 40, codingsPerLayerPerDocument: 500, coders: 3, seed: 6 },
        'bench-not-a-password-hash',
        'Agreement benchmark',
      ),
    );
    const project = setup.value;
    const parsed = parseAgreementSelection({ getAll: () => [] });
    if (!parsed.ok) throw new Error(parsed.error);
    const base: AgreementSelection = { ...parsed.selection, coders: project.coderIds, samples: 0 };
    const withBootstrap: AgreementSelection = { ...base, samples: 1000 };
    const ids = { coders: project.coderIds };

    const cold = await time(() => runAgreement(db, project.projectId, base));
    const input = await agreementInput(db, project.projectId, ids);
    const characters = input.documents.reduce((n, d) => n + d.turns.reduce((m, t) => m + (t.isParticipant ? t.end - t.start : 0), 0), 0);
    const codings = input.documents.reduce((n, d) => n + Object.values(d.codings).reduce((m, list) => m + (list?.length ?? 0), 0), 0);

    const figures: Record<string, number> = {
      'setup: synthetic project (ms)': setup.ms,
      documents: input.documents.length,
      turns: input.documents.reduce((n, d) => n + d.turns.length, 0),
      'participant characters': characters,
      'coder codings': codings,
      codes: input.codes?.length ?? 0,
      coders: input.coders.length,
      'query + report, cold (ms)': cold.ms,
      'db query (ms)': await median(3, () => agreementInput(db, project.projectId, ids)),
      'report: turn + character + segment + breakdowns (ms)': await median(3, () => agreementSummary(input, { segmentThreshold: 0.9 })),
      'query + report, server path (ms)': await median(3, () => runAgreement(db, project.projectId, base)),
    };
    const boot = await median(3, () => agreementSummary(input, { bootstrap: { samples: 1000 } }));
    figures['bootstrap ×1000, turn + character α (ms)'] = round(boot - figures['report: turn + character + segment + breakdowns (ms)']);
    figures['query + report + bootstrap ×1000, server path (ms)'] = await median(1, () => runAgreement(db, project.projectId, withBootstrap));
    // the unitizing coefficients (αu, cu-α family, pair matrix) are opt-in: unitized=1
    figures['query + report + unitized α, server path (ms)'] = await median(3, () => runAgreement(db, project.projectId, { ...base, unitized: true }));
    figures['query + report + unitized α + bootstrap ×1000, server path (ms)'] = await median(1, () =>
      runAgreement(db, project.projectId, { ...withBootstrap, unitized: true }),
    );
    const review = (await reviewDocument(db, project.projectId, project.documentIds[0], project.coderIds.slice(0, 2)))!;
    figures['disagreements of one document, 2 coders (ms)'] = await median(3, () =>
      listDisagreements({
        turns: review.turns.map((t) => ({ start: t.start, end: t.end, isParticipant: t.speakerKind === 'participant' })),
        coders: project.coderIds.slice(0, 2).map(String),
        assignedCoders: review.assigned.map(String),
        codings: review.codings,
      }),
    );
    return figures;
  } finally {
    close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchAgreementReport().then((figures) => {
    for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(55)} ${value.toLocaleString('en-US')}`);
  });
}
