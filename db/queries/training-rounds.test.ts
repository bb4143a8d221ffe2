/**
 * Training rounds on a temp database: the queries (order, at most one round per document,
 * isolation between projects) and migration 0007 applied to a database as 0006 left it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../client';
import { documents } from '../schema';
import { openTestDatabase } from '../testing';
import { databaseAtMigration, withLaterColumns } from '../testing/older-version';
import { seedFixture } from '../testing/fixture';
import { createRound, deleteRound, renameRound, reorderRounds, roundsOfProject, setRoundDocuments, TrainingRoundError } from './training-rounds';

let ctx: ReturnType<typeof openTestDatabase>;
let f: ReturnType<typeof seedFixture>;
beforeEach(() => {
  ctx = openTestDatabase();
  f = seedFixture(ctx.db);
});
afterEach(() => ctx.close());

const addDocument = (db: Db, projectId: number, title: string) => db.insert(documents).values({ projectId, title }).returning().get().id;

describe('training rounds', () => {
  it('creates rounds in order, renames, reorders and deletes them; names are unique per project', async () => {
    const r1 = await createRound(ctx.db, f.project.id, '  Round 1 ');
    const r2 = await createRound(ctx.db, f.project.id, 'Round 2');
    expect((await roundsOfProject(ctx.db, f.project.id)).map((r) => [r.name, r.position])).toEqual([
      ['Round 1', 1],
      ['Round 2', 2],
    ]);
    await expect(createRound(ctx.db, f.project.id, 'Round 2')).rejects.toThrow(TrainingRoundError);
    await expect(createRound(ctx.db, f.project.id, '   ')).rejects.toThrow(/needs a name/);
    // the same name in another project is fine
    await createRound(ctx.db, f.other.id, 'Round 1');
    await renameRound(ctx.db, f.project.id, r1.id, 'Pilot');
    await expect(renameRound(ctx.db, f.project.id, r2.id, 'Pilot')).rejects.toThrow(/already has a training round named “Pilot”/);
    // a round of another project is not found
    await expect(renameRound(ctx.db, f.other.id, r1.id, 'x')).rejects.toThrow(/does not exist/);
    await reorderRounds(ctx.db, f.project.id, [r2.id]);
    expect((await roundsOfProject(ctx.db, f.project.id)).map((r) => r.name)).toEqual(['Round 2', 'Pilot']);
    await deleteRound(ctx.db, f.project.id, r2.id);
    expect((await roundsOfProject(ctx.db, f.project.id)).map((r) => r.name)).toEqual(['Pilot']);
    expect((await roundsOfProject(ctx.db, f.other.id)).map((r) => r.name)).toEqual(['Round 1']);
  });

  it('puts a document in at most one round, refuses documents of other projects, and forgets deleted documents', async () => {
    const fg02 = addDocument(ctx.db, f.project.id, 'FG02');
    const foreign = addDocument(ctx.db, f.other.id, 'Elsewhere');
    const r1 = await createRound(ctx.db, f.project.id, 'Round 1');
    const r2 = await createRound(ctx.db, f.project.id, 'Round 2');
    await setRoundDocuments(ctx.db, f.project.id, r1.id, [f.doc.id, fg02]);
    await setRoundDocuments(ctx.db, f.project.id, r2.id, [fg02]);
    expect((await roundsOfProject(ctx.db, f.project.id)).map((r) => [r.name, r.documentIds])).toEqual([
      ['Round 1', [f.doc.id]],
      ['Round 2', [fg02]],
    ]);
    await expect(setRoundDocuments(ctx.db, f.project.id, r1.id, [foreign])).rejects.toThrow(/not in this project/);
    // a refused change changes nothing
    expect((await roundsOfProject(ctx.db, f.project.id))[0].documentIds).toEqual([f.doc.id]);
    ctx.db.delete(documents).where(eq(documents.id, fg02)).run();
    expect((await roundsOfProject(ctx.db, f.project.id))[1].documentIds).toEqual([]);
    // deleting a round leaves its documents in no round
    await deleteRound(ctx.db, f.project.id, r1.id);
    expect(ctx.db.$client.prepare('SELECT count(*) FROM training_round_documents').pluck().get()).toBe(0);
    expect(ctx.db.select().from(documents).all().map((d) => d.title)).toContain('FG01');
  });
});

describe('migration 0007', () => {
  it('applies to a database at 0006 and keeps its data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fgcoder-0007-'));
    try {
      const { db: old, file } = databaseAtMigration(dir, 6);
      expect(old.$client.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'training_rounds'").pluck().get()).toBe(0);
      const seeded = withLaterColumns(old, seedFixture);
      old.$client.close();

      const db = openDatabase(file);
      try {
        expect(db.select().from(documents).all().map((d) => d.title)).toEqual(['FG01']);
        const r = await createRound(db, seeded.project.id, 'Round 1');
        await setRoundDocuments(db, seeded.project.id, r.id, [seeded.doc.id]);
        expect(await roundsOfProject(db, seeded.project.id)).toEqual([{ id: r.id, name: 'Round 1', position: 1, documentIds: [seeded.doc.id] }]);
        expect(db.$client.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      } finally {
        db.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
