/**
 * Issue 7 figures, on temporary databases (best of three runs each, in milliseconds):
 * - DOCX export of 5,000 coded excerpts (the query and the Word file, then the two apart);
 * - .qdpx export of the demo study (every layer), and its import into a fresh database.
 * Run with `npm run bench -- exports`, or `npx tsx scripts/bench/exports.ts`.
 */
import { eq } from 'drizzle-orm';
import { openTestDatabase } from '../../db/testing';
import { seedDemo } from '../../db/seed/demo';
import { codings, users } from '../../db/schema';
import { excerptExport } from '../../db/queries/excerpts-export';
import { projectToRefi } from '../../db/queries/refi-export';
import { importRefiProject } from '../../db/queries/refi-import';
import { excerptsToDocx } from '../../lib/export/excerpts-docx';
import { excerptsToXlsx } from '../../lib/export/excerpts-table';
import { readQdpx, writeQdpx } from '../../lib/refi-qda';
import type { LayerRef } from '../../lib/access/layers';
import { createSyntheticProject } from './synthetic';

async function best(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

export async function benchExports(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};

  // 5,000 excerpts: 25 groups × 200 codings in one coder's layer.
  const big = openTestDatabase();
  try {
    const p = createSyntheticProject(big.db, { documents: 25, participantsPerDocument: 8, turnsPerDocument: 200, wordsPerTurn: 25, codes: 40, codingsPerLayerPerDocument: 200, coders: 1 }, 'x');
    const layers: LayerRef[] = [{ kind: 'coder', coderId: p.coderIds[0] }];
    const n = big.db.select({ id: codings.id }).from(codings).where(eq(codings.projectId, p.projectId)).all().length;
    const query = () => excerptExport(big.db, p.projectId, 'Synthetic', { layers, context: true });
    const data = await query();
    out['excerpts exported'] = data.excerpts.length;
    out['codings in layer'] = n;
    let bytes = 0;
    out['docx 5000 excerpts: query + file, ms'] = await best(3, async () => {
      bytes = (await excerptsToDocx(await query(), { context: true, definitions: true })).length;
    });
    out['docx 5000 excerpts: file size, KB'] = Math.round(bytes / 1024);
    out['docx 5000 excerpts: query only, ms'] = await best(3, query);
    out['docx 5000 excerpts: Word file only, ms'] = await best(3, () => excerptsToDocx(data, { context: true, definitions: true }));
    out['xlsx 5000 excerpts: file only, ms'] = await best(3, () => excerptsToXlsx(data, { context: true }));
  } finally {
    big.close();
  }

  // The demo study: export every layer as .qdpx, then import it into a fresh database.
  const demo = openTestDatabase();
  const target = openTestDatabase();
  try {
    const { projectId } = seedDemo(demo.db);
    const layers = demo.db
      .selectDistinct({ layer: codings.layer, coderId: codings.coderId })
      .from(codings)
      .where(eq(codings.projectId, projectId))
      .all()
      .map((r): LayerRef => (r.layer === 'consensus' ? { kind: 'consensus' } : { kind: 'coder', coderId: r.coderId }));
    let file: Uint8Array = new Uint8Array();
    out['qdpx export of the demo, ms'] = await best(3, async () => {
      file = writeQdpx((await projectToRefi(demo.db, projectId, layers)).project);
    });
    out['qdpx of the demo: size, KB'] = Math.round(file.length / 1024);
    const importer = target.db.insert(users).values({ email: 'bench@bench.test', name: 'Bench', passwordHash: 'x' }).returning().get();
    let imported = 0;
    out['qdpx import of the demo (read + write), ms'] = await best(3, async () => {
      imported = (await importRefiProject(target.db, readQdpx(file).project, importer.id)).codings;
    });
    out['qdpx import of the demo: read only, ms'] = await best(3, () => readQdpx(file));
    out['qdpx import of the demo: codings'] = imported;
  } finally {
    demo.close();
    target.close();
  }
  return out;
}

if (require.main === module) {
  void benchExports().then((figures) => {
    for (const [k, v] of Object.entries(figures)) console.log(`${k}: ${+v.toFixed(1)}`);
  });
}
