/**
 * Code, document and participant sets on a temp database: the queries and the filter ids,
 * through .qdpx (our export's <Sets> validate against the schema and import back as sets), and
 * migration 0008 applied to a database as 0007 left it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../client';
import { codes, codings, documents } from '../schema';
import { openTestDatabase } from '../testing';
import { databaseAtMigration, withLaterColumns } from '../testing/older-version';
import { seedFixture } from '../testing/fixture';
import { analysisContext, caseMatrixFor, excerptsFor, frequenciesFor } from './analysis';
import { parseAnalysisParams, toSearchParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { EMPTY_FILTER, type AnalysisFilter } from '@/lib/analysis/types';
import { createSet, deleteSet, filterWithSets, ItemSetError, renameSet, setFilterIds, setsOfProject } from './item-sets';
import { projectToRefi } from './refi-export';
import { importRefiProject } from './refi-import';
import { readQdpx, writeQdpx } from '@/lib/refi-qda';
import { schemaTestMode, xmllint } from '@/lib/refi-qda/test-support';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

describe('item sets', () => {
  it('creates sets of each kind with members of the project, renames, deletes, and resolves filters', async () => {
    const codeSet = await createSet(ctx.db, { projectId: f.project.id, kind: 'code', name: 'Digital', memberIds: [f.eotinish.id, f.channels.id] });
    expect(codeSet).toMatchObject({ kind: 'code', name: 'Digital', memberIds: [f.channels.id, f.eotinish.id].sort((a, b) => a - b) });
    const people = await createSet(ctx.db, { projectId: f.project.id, kind: 'participant', name: 'Women', memberIds: [f.p1.id] });
    await createSet(ctx.db, { projectId: f.project.id, kind: 'document', name: 'Digital', memberIds: [f.doc.id] }); // same name, other kind: fine
    await expect(createSet(ctx.db, { projectId: f.project.id, kind: 'code', name: 'Digital', memberIds: [] })).rejects.toThrow(ItemSetError);
    await expect(createSet(ctx.db, { projectId: f.project.id, kind: 'code', name: 'Foreign', memberIds: [f.foreignCode.id] })).rejects.toThrow(/not in this project/);
    // a document id is not a code
    await expect(createSet(ctx.db, { projectId: f.project.id, kind: 'code', name: 'Wrong kind', memberIds: [f.doc.id + 1000] })).rejects.toThrow(/not in this project/);
    expect(await setFilterIds(ctx.db, f.project.id, 'participant', [people.id])).toEqual([f.p1.id]);
    expect(await setFilterIds(ctx.db, f.project.id, 'code', null)).toBeNull();
    await expect(setFilterIds(ctx.db, f.project.id, 'code', [people.id])).rejects.toThrow(/does not exist/);
    await renameSet(ctx.db, f.project.id, people.id, 'Female participants');
    expect((await setsOfProject(ctx.db, f.project.id)).map((s) => `${s.kind}:${s.name}`)).toEqual(['code:Digital', 'document:Digital', 'participant:Female participants']);
    // members go with their code
    ctx.db.delete(codes).where(eq(codes.id, f.eotinish.id)).run();
    expect((await setsOfProject(ctx.db, f.project.id, 'code'))[0].memberIds).toEqual([f.channels.id]);
    await deleteSet(ctx.db, f.project.id, codeSet.id);
    expect(await setsOfProject(ctx.db, f.project.id, 'code')).toEqual([]);
    expect(await setsOfProject(ctx.db, f.other.id)).toEqual([]);
  });

  it('exports code and document sets as <Sets> and imports them back as sets', async () => {
    await createSet(ctx.db, { projectId: f.project.id, kind: 'code', name: 'Digital', description: 'Онлайн арналар', memberIds: [f.eotinish.id] });
    await createSet(ctx.db, { projectId: f.project.id, kind: 'document', name: 'Semey', memberIds: [f.doc.id] });
    await createSet(ctx.db, { projectId: f.project.id, kind: 'participant', name: 'Women', memberIds: [f.p1.id] });
    const { project } = await projectToRefi(ctx.db, f.project.id, [{ kind: 'coder', coderId: f.coder1.id }]);
    const bytes = writeQdpx(project);
    const xml = strFromU8(unzipSync(bytes)['project.qde']);
    expect(xml).toContain('<Sets>');
    expect(xml).toMatch(/<Set guid="[0-9a-f-]{36}" name="Digital"><Description>Онлайн арналар<\/Description><MemberCode targetGUID="[0-9a-f-]{36}"\/><\/Set>/);
    expect(xml).not.toContain('name="Women"'); // the standard's sets have no case members
    if (schemaTestMode() === 'run') expect(xmllint(xml).valid).toBe(true);

    const report = await importRefiProject(ctx.db, readQdpx(bytes).project, f.lead.id, { name: 'Back' });
    const sets = await setsOfProject(ctx.db, report.projectId);
    const codeName = (id: number) => ctx.db.select().from(codes).where(eq(codes.id, id)).get()!.name;
    const docTitle = (id: number) => ctx.db.select().from(documents).where(eq(documents.id, id)).get()!.title;
    expect(sets.map((s) => [s.kind, s.name, s.description, s.memberIds.map(s.kind === 'code' ? codeName : docTitle)])).toEqual([
      ['code', 'Digital', 'Онлайн арналар', ['e-Otinish']],
      ['document', 'Semey', '', ['FG01']],
    ]);
    expect(report.notes.map((n) => n.message).join(' ')).toContain('2 set(s)');
    expect(report.notes.find((n) => n.key === 'sets')?.vars).toEqual({ n: 2 });
  });
});

describe('sets as analysis filters', () => {
  it('narrow frequencies, the case matrix and excerpts to a code, participant or document set', async () => {
    // coder1 codes P1's turn with Channels and e-Otinish, and P2's turn with Channels: three codings.
    const [, p1, p2] = f.ranges;
    const code = (codeId: number, r: { start: number; end: number }) =>
      ({ projectId: f.project.id, documentId: f.doc.id, codeId, layer: 'coder' as const, coderId: f.coder1.id, start: r.start, end: r.end, quote: f.text.slice(r.start, r.end) });
    ctx.db.insert(codings).values([code(f.channels.id, p1), code(f.eotinish.id, p1), code(f.channels.id, p2)]).run();
    const base: AnalysisFilter = { ...EMPTY_FILTER, layer: { kind: 'coder', coderId: f.coder1.id } };
    const digital = await createSet(ctx.db, { projectId: f.project.id, kind: 'code', name: 'Digital', memberIds: [f.eotinish.id] });
    const onlyP2 = await createSet(ctx.db, { projectId: f.project.id, kind: 'participant', name: 'P2 only', memberIds: [f.p2.id] });
    const none = await createSet(ctx.db, { projectId: f.project.id, kind: 'document', name: 'Empty', memberIds: [] });
    const freq = async (filter: AnalysisFilter) => (await frequenciesFor(ctx.db, f.project.id, { filter, columns: { kind: 'documents' }, split: null, rollup: false })).allCodes.total.segments;
    expect(await freq(base)).toBe(3);
    // code set {e-Otinish}: one coding
    expect(await freq(await filterWithSets(ctx.db, f.project.id, base, { codeSets: [digital.id] }))).toBe(1);
    // participant set {P2}: P2's Channels coding only
    expect(await freq(await filterWithSets(ctx.db, f.project.id, base, { participantSets: [onlyP2.id] }))).toBe(1);
    const matrix = await caseMatrixFor(ctx.db, f.project.id, await filterWithSets(ctx.db, f.project.id, base, { codeSets: [digital.id] }), false);
    // the code set's codes only: Channels, outside it, has no column
    expect(matrix.codes.map((c) => c.codeId)).toEqual([f.eotinish.id]);
    const p1Row = matrix.participants.findIndex((p) => p.participantId === f.p1.id);
    expect(matrix.counts[p1Row]).toEqual([1]);
    // excerpts (the export's selection): an empty document set selects nothing
    expect((await excerptsFor(ctx.db, f.project.id, base)).total).toBe(3);
    expect((await excerptsFor(ctx.db, f.project.id, await filterWithSets(ctx.db, f.project.id, base, { codeSets: [digital.id] }))).total).toBe(1);
    expect((await excerptsFor(ctx.db, f.project.id, await filterWithSets(ctx.db, f.project.id, base, { documentSets: [none.id] }))).total).toBe(0);

    // The same through the URL parameters every analysis page and API route reads: set=<id>, repeated.
    const viewer = { role: 'lead' as const, userId: f.lead.id, blindMode: true };
    const viaUrl = async (q: string) => {
      const p = parseAnalysisParams(new URLSearchParams(q));
      return resolveFilter(p, await analysisContext(ctx.db, f.project.id), viewer, 'table');
    };
    const layer = `layer=coder:${f.coder1.id}`;
    expect(await freq(await viaUrl(`${layer}&set=${digital.id}`))).toBe(1);
    expect(await freq(await viaUrl(`${layer}&set=${digital.id}&set=${onlyP2.id}`))).toBe(0); // e-Otinish was coded on P1 only
    expect(toSearchParams(parseAnalysisParams(new URLSearchParams(`set=${digital.id}&set=${onlyP2.id}`))).getAll('set')).toEqual([String(digital.id), String(onlyP2.id)]);
    await expect(viaUrl(`${layer}&set=999999`)).rejects.toThrow(/unknown set 999999/);
  });
});

describe('migration 0008', () => {
  it('applies to a database at 0007 and keeps its data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-0008-'));
    try {
      const { db: old, file } = databaseAtMigration(dir, 7);
      expect(old.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'item_sets'").pluck().get()).toBe(0);
      const seeded = withLaterColumns(old, seedFixture);
      old.$client.close();
      const db = openDatabase(file);
      try {
        const s = await createSet(db, { projectId: seeded.project.id, kind: 'document', name: 'All', memberIds: [seeded.doc.id] });
        expect(await setsOfProject(db, seeded.project.id)).toEqual([{ id: s.id, kind: 'document', name: 'All', description: '', memberIds: [seeded.doc.id] }]);
        expect(db.$client.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      } finally {
        db.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
