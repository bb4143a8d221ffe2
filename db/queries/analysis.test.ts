import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import type { Db } from '../client';
import {
  attributeDefinitions,
  codes,
  codings,
  documentAttributeValues,
  documents,
  members,
  participantAttributeValues,
  participants,
  projects,
  turns,
  users,
} from '../schema';
import { analysisContext, analysisModel, caseMatrixFor, clearAnalysisCache, cooccurrenceFor, excerptsFor, frequenciesFor, passagesFor } from './analysis';
import { openDatabase } from '../client';
import { eq } from 'drizzle-orm';
import { createCodings } from './codings';
import {
  FIXTURE_CODES,
  FIXTURE_CODINGS,
  FIXTURE_DOCUMENTS,
  FIXTURE_PARTICIPANTS,
  fixtureRange,
  fixtureTexts,
  type FixtureCodeKey,
  type FixtureLayer,
} from '@/lib/analysis/test-fixture';
import { countWords } from '@/lib/text/canonical';
import { parseAnalysisParams } from '@/lib/analysis/params';
import { cellExcerptParams } from '@/lib/analysis/links';
import { resolveColumns, resolveFilter } from '@/lib/analysis/resolve';
import type { FrequencyTable } from '@/lib/analysis/frequencies';
import { EMPTY_FILTER, NO_PARTICIPANT, type AnalysisFilter, type AnalysisLayer } from '@/lib/analysis/types';

/** Writes the hand-computed fixture (lib/analysis/test-fixture) into the database, plus another project. */
function seed(db: Db) {
  return db.transaction((tx) => {
    const [lead, coder1, coder2, viewer] = tx
      .insert(users)
      .values(['lead', 'coder1', 'coder2', 'viewer'].map((n) => ({ email: `${n}@analysis.test`, name: n, passwordHash: 'x' })))
      .returning()
      .all();
    const project = tx.insert(projects).values({ name: 'Analysis fixture' }).returning().get();
    const other = tx.insert(projects).values({ name: 'Other' }).returning().get();
    tx.insert(members)
      .values([
        { projectId: project.id, userId: lead.id, role: 'lead' as const },
        { projectId: project.id, userId: coder1.id, role: 'coder' as const },
        { projectId: project.id, userId: coder2.id, role: 'coder' as const },
        { projectId: project.id, userId: viewer.id, role: 'viewer' as const },
      ])
      .run();
    const [city, gender, age] = tx
      .insert(attributeDefinitions)
      .values([
        { projectId: project.id, scope: 'document' as const, name: 'city', type: 'category' as const, values: ['Almaty', 'Taraz'], sortOrder: 0 },
        { projectId: project.id, scope: 'participant' as const, name: 'gender', type: 'category' as const, values: ['Female', 'Male'], sortOrder: 0 },
        {
          projectId: project.id,
          scope: 'participant' as const,
          name: 'age',
          type: 'number' as const,
          sortOrder: 1,
          bins: [
            { label: '18–29', min: 18, max: 29 },
            { label: '30–44', min: 30, max: 44 },
            { label: '45–60', min: 45, max: 60 },
          ],
        },
      ])
      .returning()
      .all();
    const texts = fixtureTexts();
    const docs = FIXTURE_DOCUMENTS.map((d, i) => tx.insert(documents).values({ projectId: project.id, title: d.title, sortOrder: i }).returning().get());
    tx.insert(documentAttributeValues)
      .values(docs.map((d, i) => ({ documentId: d.id, attributeId: city.id, value: FIXTURE_DOCUMENTS[i].city })))
      .run();
    const people = FIXTURE_PARTICIPANTS.map((p) => tx.insert(participants).values({ projectId: project.id, documentId: docs[p.document].id, label: p.label }).returning().get());
    FIXTURE_PARTICIPANTS.forEach((p, i) => {
      if (p.gender) tx.insert(participantAttributeValues).values({ participantId: people[i].id, attributeId: gender.id, value: p.gender }).run();
      if (p.age) tx.insert(participantAttributeValues).values({ participantId: people[i].id, attributeId: age.id, value: p.age, numValue: Number(p.age) }).run();
    });
    FIXTURE_DOCUMENTS.forEach((d, di) =>
      d.turns.forEach((t, ti) => {
        const person = FIXTURE_PARTICIPANTS.findIndex((p) => p.document === di && p.label === t.speaker);
        tx.insert(turns)
          .values({
            documentId: docs[di].id,
            seq: ti,
            speakerKind: person >= 0 ? 'participant' : 'moderator',
            participantId: person >= 0 ? people[person].id : null,
            speakerLabel: t.speaker ?? 'Модератор',
            ...texts[di].ranges[ti],
            text: t.text,
            wordCount: countWords(t.text),
          })
          .run();
      }),
    );
    const codeIds = {} as Record<FixtureCodeKey, number>;
    for (const c of FIXTURE_CODES) {
      codeIds[c.key] = tx.insert(codes).values({ projectId: project.id, parentId: c.parent ? codeIds[c.parent] : null, name: c.name, sortOrder: c.sortOrder }).returning().get().id;
    }
    const coderOf: Record<FixtureLayer, number> = { consensus: lead.id, coder1: coder1.id, coder2: coder2.id };
    const codingIds: Record<string, number> = {};
    for (const c of FIXTURE_CODINGS) {
      const { start, end } = fixtureRange(c);
      codingIds[c.key] = tx
        .insert(codings)
        .values({
          projectId: project.id,
          documentId: docs[c.document].id,
          codeId: codeIds[c.code],
          layer: c.layer === 'consensus' ? 'consensus' : 'coder',
          coderId: coderOf[c.layer],
          start,
          end,
          quote: texts[c.document].text.slice(start, end),
        })
        .returning()
        .get().id;
    }
    // another project's coding must never be counted
    const otherDoc = tx.insert(documents).values({ projectId: other.id, title: 'Other FG' }).returning().get();
    tx.insert(turns).values({ documentId: otherDoc.id, seq: 0, speakerKind: 'unknown', start: 0, end: 5, text: 'hello' }).run();
    const otherCode = tx.insert(codes).values({ projectId: other.id, name: 'Other' }).returning().get();
    tx.insert(codings).values({ projectId: other.id, documentId: otherDoc.id, codeId: otherCode.id, layer: 'consensus', coderId: lead.id, start: 0, end: 5, quote: 'hello' }).run();
    return { project, lead, coder1, coder2, viewer, docs, people, codeIds, codingIds, texts };
  });
}

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seed>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seed(ctx.db);
});
afterEach(() => ctx.close());

const consensus: AnalysisLayer = { kind: 'consensus' };
const filter = (o: Partial<AnalysisFilter> = {}): AnalysisFilter => ({ ...EMPTY_FILTER, layer: consensus, ...o });
async function request(q: string) {
  const p = parseAnalysisParams(new URLSearchParams(q));
  const c = await analysisContext(ctx.db, f.project.id);
  const viewer = { role: 'lead' as const, userId: f.lead.id, blindMode: true };
  return { p, ...resolveColumns(p, c), filter: resolveFilter(p, c, viewer, 'table') };
}
async function table(q: string): Promise<FrequencyTable> {
  const r = await request(q);
  return await frequenciesFor(ctx.db, f.project.id, { filter: r.filter, columns: r.columns, split: r.split, rollup: r.p.rollup });
}
const segments = (t: FrequencyTable) => Object.fromEntries([...t.rows.map((r) => [r.name, [...r.cells, r.total].map((c) => c.segments)]), ['*', [...t.allCodes.cells, t.allCodes.total].map((c) => c.segments)]]);

describe('frequenciesFor (the fixture in a database)', () => {
  it('counts code × city in the consensus layer as computed by hand', async () => {
    const t = await table('rows=codes&cols=attr:city&layer=consensus');
    expect(t.columns.map((c) => [c.outerLabel, c.participants, c.words])).toEqual([
      ['Almaty', 3, 40],
      ['Taraz', 2, 40],
    ]);
    expect(segments(t)).toEqual({ Channels: [0, 1, 1], Akimat: [3, 0, 3], 'e-Otinish': [1, 2, 3], Elections: [1, 1, 2], '*': [5, 4, 9] });
    expect(t.rows.map((r) => [r.cells.map((c) => c.participants), r.total.participants])).toEqual([
      [[0, 1], 1],
      [[3, 0], 3],
      [[0, 2], 2],
      [[1, 1], 2],
    ]);
  });

  it('counts gender × city and the union of coders, identical ranges once', async () => {
    const t = await table('cols=attr:gender&split=attr:city');
    expect(t.columns.map((c) => `${c.outerLabel}|${c.innerLabel}`)).toEqual(['Female|Almaty', 'Male|Almaty', 'Male|Taraz', '(missing)|Taraz', '(no participant)|Almaty']);
    expect(segments(t)['*']).toEqual([3, 2, 3, 1, 1, 9]);
    expect(segments(await table('layer=union'))).toEqual({ Channels: [0, 0, 0], Akimat: [2, 0, 2], 'e-Otinish': [0, 0, 0], Elections: [0, 1, 1], '*': [2, 1, 3] });
    expect(segments(await table(`layer=coder:${f.coder2.id}`)).Akimat).toEqual([2, 0, 2]);
  });

  it('rolls up and filters (women under 30)', async () => {
    expect(segments(await table('rollup=1')).Channels).toEqual([4, 3, 7]);
    const t = await table('cols=attr:city&attr.gender=Female&attr.age=18–29');
    expect(segments(t).Akimat).toEqual([1, 0, 1]); // k1 through P1
    expect(t.columns.map((c) => c.participants)).toEqual([1, 0]);
  });

  it('sees a new coding at once (the cache is invalidated by the write)', async () => {
    expect(segments(await table('')).Elections).toEqual([1, 1, 2]);
    await createCodings(ctx.db, { projectId: f.project.id, documentId: f.docs[1].id, codeIds: [f.codeIds.elections], start: f.texts[1].ranges[2].start, end: f.texts[1].ranges[2].start + 3, layer: consensus, actorId: f.lead.id });
    expect(segments(await table('')).Elections).toEqual([1, 2, 3]);
  });
});

describe('the cached snapshot stays true to the database', () => {
  const views = ['cols=attr:gender&split=attr:city', 'cols=documents&layer=union', `cols=attr:age&layer=coder:`, 'rollup=1&measure=participants'];
  /** Every view as this connection's cache answers it, and as a fresh read does. */
  async function both() {
    const qs = views.map((q) => (q.endsWith(':') ? q + f.coder1.id : q));
    const cached = [];
    for (const q of qs) cached.push(await table(q));
    await clearAnalysisCache(ctx.db);
    const fresh = [];
    for (const q of qs) fresh.push(await table(q));
    return { cached, fresh };
  }

  it('after coding writes of every kind: insert, move, recode, change layer, delete', async () => {
    const { db } = ctx;
    await table('');
    const a1 = FIXTURE_CODINGS.find((c) => c.key === 'a1')!;
    const writes: Array<() => unknown> = [
      () => createCodings(db, { projectId: f.project.id, documentId: f.docs[0].id, codeIds: [f.codeIds.akimat], start: 0, end: 4, layer: { kind: 'coder', coderId: f.coder1.id }, actorId: f.coder1.id }),
      // identical to coder1's a1: the union counts it once
      () => createCodings(db, { projectId: f.project.id, documentId: f.docs[a1.document].id, codeIds: [f.codeIds[a1.code]], ...fixtureRange(a1), layer: { kind: 'coder', coderId: f.coder2.id }, actorId: f.coder2.id }),
      () => db.update(codings).set({ start: 1, end: 6 }).where(eq(codings.id, f.codingIds.k1)).run(),
      () => db.update(codings).set({ codeId: f.codeIds.elections }).where(eq(codings.id, f.codingIds.a1)).run(),
      () => db.update(codings).set({ layer: 'consensus' }).where(eq(codings.id, f.codingIds.b2)).run(),
      () => db.delete(codings).where(eq(codings.id, f.codingIds.k4)).run(),
    ];
    for (const write of writes) {
      // every layer cached, so each is patched (or dropped) by the write, not read afresh
      await table('');
      await table('layer=union');
      await table(`layer=coder:${f.coder1.id}`);
      await table(`layer=coder:${f.coder2.id}`);
      await write();
      const { cached, fresh } = await both();
      expect(cached).toEqual(fresh);
    }
    expect(segments(await table('')).Elections).toEqual([1, 1, 2]);
  });

  it('after writes to the codebook, attributes, turns and documents', async () => {
    const { db } = ctx;
    const writes: Array<() => unknown> = [
      () => db.insert(codes).values({ projectId: f.project.id, parentId: f.codeIds.channels, name: 'Telegram', sortOrder: 0 }).run(),
      () => db.update(codes).set({ parentId: null }).where(eq(codes.id, f.codeIds.akimat)).run(),
      () => db.update(participantAttributeValues).set({ value: 'Male' }).where(eq(participantAttributeValues.participantId, f.people[0].id)).run(),
      () => db.update(turns).set({ participantId: f.people[1].id }).where(eq(turns.participantId, f.people[0].id)).run(),
      () => db.update(documents).set({ title: 'FG Almaty (2)' }).where(eq(documents.id, f.docs[0].id)).run(),
    ];
    for (const write of writes) {
      await table('');
      await table('layer=union');
      await table(`layer=coder:${f.coder1.id}`);
      await write();
      const { cached, fresh } = await both();
      expect(cached).toEqual(fresh);
    }
    expect((await table('')).rows.map((r) => r.name)).toContain('Telegram');
  });

  it('after a write through another connection, and after the change log was pruned past it', async () => {
    const other = openDatabase(ctx.file);
    try {
      expect(segments(await table('')).Elections).toEqual([1, 1, 2]);
      await createCodings(other, { projectId: f.project.id, documentId: f.docs[1].id, codeIds: [f.codeIds.elections], start: f.texts[1].ranges[2].start, end: f.texts[1].ranges[2].start + 3, layer: consensus, actorId: f.lead.id });
      expect(segments(await table('')).Elections).toEqual([1, 2, 3]);
      other.$client.exec('delete from analysis_changes');
      other.delete(codings).where(eq(codings.id, f.codingIds.k8)).run();
      expect(segments(await table('')).Elections).toEqual([0, 2, 2]);
    } finally {
      other.$client.close();
    }
  });

  it('keeps the model when another project is written', async () => {
    const before = await analysisModel(ctx.db, f.project.id);
    const other = ctx.db.select().from(projects).where(eq(projects.name, 'Other')).get()!;
    ctx.db.insert(codes).values({ projectId: other.id, name: 'Other 2' }).run();
    ctx.db.insert(documents).values({ projectId: other.id, title: 'Other FG 2' }).run();
    expect(await analysisModel(ctx.db, f.project.id)).toBe(before);
  });
});

describe('excerptsFor', () => {
  it('returns, for every cell, exactly as many excerpts as the cell counts', async () => {
    for (const q of ['cols=attr:gender&split=attr:city', 'cols=attr:age&rollup=1', 'cols=documents&layer=union', 'cols=attr:city&attr.gender=Female']) {
      const r = await request(q);
      const t = await frequenciesFor(ctx.db, f.project.id, { filter: r.filter, columns: r.columns, split: r.split, rollup: r.p.rollup });
      const cols = { cols: r.p.cols ?? { kind: 'attribute' as const, name: 'city' }, split: r.p.split };
      const rows = [...t.rows.map((row) => ({ row, cells: row.cells, total: row.total })), { row: null, cells: t.allCodes.cells, total: t.allCodes.total }];
      for (const { row, cells, total } of rows) {
        for (const [i, cell] of [...cells, total].entries()) {
          const column = i < t.columns.length ? t.columns[i] : null;
          const p = cellExcerptParams(r.p, cols, row, column);
          const ef = resolveFilter(p, await analysisContext(ctx.db, f.project.id), { role: 'lead', userId: f.lead.id, blindMode: true }, 'excerpts');
          expect((await excerptsFor(ctx.db, f.project.id, ef)).total, `${q} ${row?.name ?? '*'} ${column?.outer ?? 'total'}`).toBe(cell.segments);
        }
      }
    }
  });

  it('describes an excerpt: quote, speakers with attributes, document, layer keys, coders', async () => {
    const { total, excerpts } = await excerptsFor(ctx.db, f.project.id, filter({ codeId: f.codeIds.akimat, descendants: false, attributes: [] }), { offset: 0, limit: 1 });
    expect(total).toBe(3);
    const [k1] = excerpts;
    expect(k1.codingId).toBe(f.codingIds.k1);
    expect(k1.quote).toBe(f.texts[0].text.slice(...([fixtureRange(FIXTURE_CODINGS[0]).start, fixtureRange(FIXTURE_CODINGS[0]).end] as const)));
    expect(k1.participants.map((p) => [p.label, p.attributes])).toEqual([
      ['P1', { gender: 'Female', age: '25' }],
      ['P2', { gender: 'Male', age: '40' }],
    ]);
    expect([k1.documentTitle, k1.documentAttributes, k1.codePath, k1.layer, k1.layerKeys, k1.turns]).toEqual(['FG Almaty', { city: 'Almaty' }, 'Channels / Akimat', 'consensus', ['consensus'], [2, 3]]);
  });

  it('merges identical ranges of the union and names both coders', async () => {
    const { excerpts } = await excerptsFor(ctx.db, f.project.id, filter({ layer: { kind: 'union' }, codeId: f.codeIds.akimat, descendants: false }));
    expect(excerpts.map((e) => [e.codingIds, e.coders.map((c) => c.name), e.layerKeys])).toEqual([
      [[f.codingIds.a1, f.codingIds.b1], ['coder1', 'coder2'], [`coder:${f.coder1.id}`, `coder:${f.coder2.id}`]],
      [[f.codingIds.b2], ['coder2'], [`coder:${f.coder2.id}`]],
    ]);
  });

  it('finds the moderator’s coding in the (no participant) column', async () => {
    const gender = (await analysisContext(ctx.db, f.project.id)).attributes.find((a) => a.name === 'gender')!;
    const { excerpts } = await excerptsFor(ctx.db, f.project.id, filter({ attributes: [{ attribute: gender, values: [NO_PARTICIPANT] }] }));
    expect(excerpts.map((e) => [e.codingId, e.participants])).toEqual([[f.codingIds.k4, []]]);
  });
});

describe('co-occurrence and the case matrix', () => {
  it('counts overlapping pairs and lists the passage with both codings', async () => {
    const m = await cooccurrenceFor(ctx.db, f.project.id, filter(), 'overlap');
    expect(m.counts[1][3]).toBe(1); // Akimat × Elections: k1–k8
    const { total, passages } = await passagesFor(ctx.db, f.project.id, filter(), [f.codeIds.akimat, f.codeIds.elections], 'overlap');
    expect(total).toBe(1);
    const k1 = fixtureRange(FIXTURE_CODINGS[0]);
    const k8 = fixtureRange(FIXTURE_CODINGS[7]);
    expect(passages[0].text).toBe(f.texts[0].text.slice(k1.start, k8.end));
    expect([passages[0].a.map((e) => e.codingId), passages[0].b.map((e) => e.codingId)]).toEqual([[f.codingIds.k1], [f.codingIds.k8]]);
  });

  it('counts turns in turn mode and shows the turn', async () => {
    const m = await cooccurrenceFor(ctx.db, f.project.id, filter(), 'turn');
    expect(m.counts[0][2]).toBe(1); // Channels × e-Otinish: FG Taraz turn 2
    const { passages } = await passagesFor(ctx.db, f.project.id, filter(), [f.codeIds.channels, f.codeIds.eotinish], 'turn');
    expect(passages.map((p) => [p.turn, p.text])).toEqual([[2, FIXTURE_DOCUMENTS[1].turns[1].text]]);
  });

  it('builds the case matrix', async () => {
    const m = await caseMatrixFor(ctx.db, f.project.id, filter(), false);
    expect(m.participants.map((p) => p.label)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5']);
    expect(m.counts).toEqual([
      [0, 1, 0, 0],
      [0, 1, 0, 1],
      [0, 2, 0, 0],
      [1, 0, 1, 1],
      [0, 0, 1, 0],
    ]);
  });
});

describe('analysisContext', () => {
  it('lists the coders’ layers and the project’s attributes, codes and documents only', async () => {
    const c = await analysisContext(ctx.db, f.project.id);
    expect(c.coders.map((x) => x.name).sort()).toEqual(['coder1', 'coder2']);
    expect(c.attributes.map((a) => a.name)).toEqual(['city', 'gender', 'age']);
    expect(c.codes.map((x) => x.name)).toEqual(['Channels', 'Akimat', 'e-Otinish', 'Elections']);
    expect(c.documents.map((d) => d.title)).toEqual(['FG Almaty', 'FG Taraz']);
    expect(c.participantExists(f.people[0].id)).toBe(true);
    expect(c.participantExists(f.people[0].id + 1000)).toBe(false);
  });
});
