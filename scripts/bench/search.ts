/**
 * Search figures on the 500-document synthetic project (10 participants and 120 turns per
 * document, Kazakh and Russian vocabulary) in a fresh temporary database: the server time
 * (median of several runs, after one warm-up) of word, prefix, phrase and boolean queries
 * returning the first page of 200 hits with counts per document (target ≤ 100 ms), and of
 * auto-coding 1,000 hits in one transaction (target ≤ 1 s) and undoing it. Returns
 * milliseconds, and the number of hits each query finds; prints nothing. Next to each
 * wall-clock median is the median CPU time of the process, which a busy machine inflates
 * less.
 */
import { openTestDatabase } from '../../db/testing';
import { applyAutocode, undoAutocode } from '../../db/queries/autocode';
import { findHits, type Hit } from '../../db/queries/search';
import { searchProject } from '../../db/queries/search-results';
import { EMPTY_SEARCH } from '../../lib/search/options';
import { createSyntheticProject } from './synthetic';

const QUERIES: Record<string, string> = {
  'word петиция': 'петиция',
  'word ӘКІМДІК (capitals)': 'ӘКІМДІК',
  'prefix әкім*': 'әкім*',
  'phrase "әкімдік өтініш"': '"әкімдік өтініш"',
  'phrase e-Otinish': 'e-Otinish',
  'boolean (петиция OR өтініш) NOT суд': '(петиция OR өтініш) NOT суд',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export async function benchSearch(runs = 7): Promise<Record<string, number>> {
  const { db, close } = openTestDatabase();
  const figures: Record<string, number> = {};
  try {
    let started = performance.now();
    const project = createSyntheticProject(
      db,
      { documents: 500, participantsPerDocument: 10, turnsPerDocument: 120, wordsPerTurn: 14, codes: 40, codingsPerLayerPerDocument: 10, coders: 2 },
      'bench-not-a-password-hash',
      'Synthetic search benchmark',
    );
    figures['setup: 500 documents, 60,000 turns, indexed (ms)'] = Math.round(performance.now() - started);
    const ctx = { codedLayer: { kind: 'coder' as const, coderId: project.leadId }, limit: 200 };

    for (const [name, q] of Object.entries(QUERIES)) {
      const options = { ...EMPTY_SEARCH, q };
      const first = await searchProject(db, project.projectId, options, ctx);
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < runs; i++) {
        started = performance.now();
        const before = process.cpuUsage();
        await searchProject(db, project.projectId, options, ctx);
        const used = process.cpuUsage(before);
        times.push(performance.now() - started);
        cpu.push((used.user + used.system) / 1000);
      }
      figures[`search ${name}: median ms`] = round(median(times));
      figures[`search ${name}: median CPU ms`] = round(median(cpu));
      figures[`search ${name}: hits`] = first.total;
    }

    // Auto-code 1,000 hits: the search the action re-runs on the server (a query with a
    // little over 1,000 hits), then the batch write of 1,000 of them (a coding each) in one
    // transaction.
    const options = { ...EMPTY_SEARCH, q: '"петиция подписи" OR "әкімдік өтініш" OR "жол жарық"' };
    const autocode = (hits: Hit[], codeId: number) =>
      applyAutocode(db, {
        projectId: project.projectId,
        codeId,
        coderId: project.leadId,
        extent: 'match',
        hits,
        mayWrite: () => true,
        actorId: project.leadId,
        summary: { q: options.q, regex: false },
      });
    const undo = (batchId: number) =>
      undoAutocode(db, { projectId: project.projectId, batchId, actorId: project.leadId, mayUndoOthers: false, mayWrite: () => true });
    // warm-up, as a running server is: a small batch, undone
    const warm = await findHits(db, project.projectId, { ...EMPTY_SEARCH, q: '"жол жарық"' }, ctx);
    await undo((await autocode(warm.hits.slice(0, 20), project.codeIds[1])).batchId!);

    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const found = await findHits(db, project.projectId, options, ctx);
    const searched = performance.now();
    const hits = found.hits.slice(0, 1000);
    const result = await autocode(hits, project.codeIds[0]);
    const cpuUsed = process.cpuUsage(cpuBefore);
    figures['auto-code 1,000 hits (search + write, one transaction): ms'] = round(performance.now() - started);
    figures['auto-code 1,000 hits: CPU ms'] = round((cpuUsed.user + cpuUsed.system) / 1000);
    figures['auto-code: of which the search: ms'] = round(searched - started);
    figures['auto-code: hits found'] = found.hits.length;
    figures['auto-code: codings made'] = result.codingIds.length;
    started = performance.now();
    await undo(result.batchId!);
    figures['undo of that batch: ms'] = round(performance.now() - started);

    const regex = { ...EMPTY_SEARCH, q: 'әкім\\p{L}+', regex: true };
    started = performance.now();
    const regexHits = await findHits(db, project.projectId, regex, ctx);
    figures['regex әкім\\p{L}+ over all 60,000 turns (worker): ms'] = round(performance.now() - started);
    figures['regex: hits'] = regexHits.hits.length;
    return figures;
  } finally {
    close();
  }
}
