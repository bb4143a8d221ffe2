/**
 * Analysis benchmark: a synthetic project of 500 documents, 5,000 participants and ~250,000
 * codings in 3 coder layers; server time (the work a request does after authentication:
 * parameters, context, query, aggregation) of frequencies, co-occurrence and a drill-down
 * page. Median of several runs of each state the cache can be in:
 * - "warm": nothing changed since the last request (after two untimed runs, so the JIT has
 *   compiled the counting loops);
 * - "after a coding": a coder applied a code since (the usual case while a team codes);
 * - "after a new code" / "after an attribute edit": the codebook or a participant's attribute
 *   changed since (the model is rebuilt from the turns in memory);
 * - "after a transcript edit": a turn changed (documents, turns and participants are read
 *   again);
 * - "first read": nothing cached (the first request after the server starts).
 * The 1-minute load
 * average is reported with the figures: on a shared machine it explains much of their spread.
 * Prints nothing: `npm run bench` prints the figures.
 */
import os from 'node:os';
import { openTestDatabase } from '../../db/testing';
import { analysisContext, clearAnalysisCache, cooccurrenceFor, excerptsFor, frequenciesFor } from '../../db/queries/analysis';
import { parseAnalysisParams } from '../../lib/analysis/params';
import { resolveColumns, resolveFilter } from '../../lib/analysis/resolve';
import { createSyntheticProject } from './synthetic';

const RUNS = 7;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchAnalysis(): Promise<Record<string, number>> {
  const { db, close } = openTestDatabase();
  try {
    const t0 = performance.now();
    const p = createSyntheticProject(
      db,
      { documents: 500, participantsPerDocument: 10, turnsPerDocument: 200, wordsPerTurn: 25, codes: 60, codingsPerLayerPerDocument: 167, coders: 3, seed: 7 },
      'not-a-password-hash',
      'Analysis benchmark',
    );
    const generated = performance.now() - t0;
    const viewer = { role: 'lead' as const, userId: p.leadId, blindMode: false };
    const count = (sql: string) => db.$client.prepare(sql).pluck().get(p.projectId) as number;

    const request = async (q: string) => {
      const params = parseAnalysisParams(new URLSearchParams(q));
      const ctx = await analysisContext(db, p.projectId);
      return { params, ctx };
    };
    const frequencies = (q: string) => async () => {
      const { params, ctx } = await request(q);
      const { columns, split } = resolveColumns(params, ctx);
      return (await frequenciesFor(db, p.projectId, { filter: resolveFilter(params, ctx, viewer, 'table'), columns, split, rollup: params.rollup })).rows.length;
    };
    const cooccurrence = (q: string) => async () => {
      const { params, ctx } = await request(q);
      return (await cooccurrenceFor(db, p.projectId, resolveFilter(params, ctx, viewer, 'table'), params.mode)).codes.length;
    };
    const excerpts = (q: string) => async () => {
      const { params, ctx } = await request(q);
      return (await excerptsFor(db, p.projectId, resolveFilter(params, ctx, viewer, 'excerpts'), { offset: params.offset, limit: params.limit })).excerpts.length;
    };
    const c = db.$client;
    const doc = p.documentIds[0];
    const addCoding = c.prepare("insert into codings (project_id, document_id, code_id, layer, coder_id, start, \"end\", quote) values (?, ?, ?, 'coder', ?, 0, 5, '')");
    const addCode = c.prepare('insert into codes (project_id, name) values (?, ?)');
    const someone = c.prepare('select participant_id from participant_attribute_values v join attribute_definitions a on a.id = v.attribute_id where a.project_id = ? and a.name = ? limit 1').pluck().get(p.projectId, 'gender') as number;
    const editAttribute = c.prepare("update participant_attribute_values set value = case value when 'Female' then 'Male' else 'Female' end where participant_id = ? and attribute_id = (select id from attribute_definitions where project_id = ? and name = 'gender')");
    const editTurn = c.prepare('update turns set word_count = word_count + 1 - 2 * (word_count % 2) where id = (select min(id) from turns where document_id = ?)');
    let n = 0;
    const before = {
      warm: () => {},
      'after a coding': () => addCoding.run(p.projectId, doc, p.codeIds[n % p.codeIds.length], p.coderIds[n++ % p.coderIds.length]),
      'after a new code': () => addCode.run(p.projectId, `Bench code ${n++}`),
      'after an attribute edit': () => editAttribute.run(someone, p.projectId),
      'after a transcript edit': () => editTurn.run(doc),
      'first read': () => clearAnalysisCache(db),
    };
    const time = async (f: () => unknown, state: keyof typeof before) => {
      const xs: number[] = [];
      for (let i = 0; i < 2; i++) await f();
      for (let i = 0; i < RUNS; i++) {
        await before[state]();
        const s = performance.now();
        await f();
        xs.push(performance.now() - s);
      }
      return median(xs);
    };
    const code = p.codeIds[5];
    const cases: Record<string, () => unknown> = {
      'frequencies code × city, union of 3 layers': frequencies('cols=attr:city&layer=union'),
      'frequencies code × city, one coder': frequencies(`cols=attr:city&layer=coder:${p.coderIds[0]}`),
      'frequencies code × gender × city, union': frequencies('cols=attr:gender&split=attr:city&layer=union&measure=participants'),
      'co-occurrence of 60 codes (overlap), union': cooccurrence('layer=union'),
      'co-occurrence of 60 codes (same turn), union': cooccurrence('layer=union&mode=turn'),
      'drill-down first page (code × Almaty), union': excerpts(`code=${code}&attr.city=Almaty&layer=union`),
      'drill-down first page (code × Female), union': excerpts(`code=${code}&attr.gender=Female&layer=union`),
      'drill-down first page (all codes × Almaty), union': excerpts('attr.city=Almaty&layer=union'),
    };
    const out: Record<string, number> = {
      'codings': count('select count(*) from codings where project_id = ?'),
      'turns': count('select count(*) from turns where document_id in (select id from documents where project_id = ?)'),
      'participants': count('select count(*) from participants where project_id = ?'),
      'generate project (ms)': generated,
      'load average before (1 min)': os.loadavg()[0],
    };
    for (const [name, f] of Object.entries(cases)) {
      for (const state of ['warm', 'after a coding', 'first read'] as const) out[`${name}, ${state} (ms)`] = await time(f, state);
    }
    for (const name of ['frequencies code × gender × city, union', 'drill-down first page (code × Female), union']) {
      for (const state of ['after a new code', 'after an attribute edit', 'after a transcript edit'] as const) out[`${name}, ${state} (ms)`] = await time(cases[name], state);
    }
    out['load average after (1 min)'] = os.loadavg()[0];
    return out;
  } finally {
    close();
  }
}
