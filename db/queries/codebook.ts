/**
 * Editing the codebook: one function per change a lead makes. Each runs in one transaction
 * that validates first, then writes, then appends an audit event with before/after
 * snapshots, so a failure anywhere leaves nothing half-written.
 *
 * The field rules (names, colours, shortcuts, text lengths) are lib/codebook/rules; the tree
 * rules (unique names and shortcuts, cycles, sibling order, merge planning) are
 * lib/codebook/tree and lib/codebook/merge, given the codes of the actor's project, so a code
 * of another project is "not found", exactly like one that does not exist. Restoring an
 * archived code whose shortcut has since been taken is refused rather than silently
 * dropping the shortcut. Here: reading the tree and applying the plans.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { dbReady, transaction } from '../transaction';
import { codes, codings, memos, translations } from '../schema';
import { recordAudit } from './audit';
import { cleanColor, cleanName, cleanShortcut, cleanText, CodebookError } from '@/lib/codebook/rules';
import { planCodingMerge } from '@/lib/codebook/merge';
import {
  assertNameFree,
  assertShortcutFree,
  findCode,
  renumbered,
  planMerge,
  planMove,
  type MoveTarget,
  type SortOrderChange,
} from '@/lib/codebook/tree';

export type { MoveTarget } from '@/lib/codebook/tree';

type CodeRow = typeof codes.$inferSelect;

/** Who makes the change, in which project. */
export interface Actor {
  projectId: number;
  userId: number;
}

/** The editable fields of a code. */
export interface CodeFields {
  name: string;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  example: string;
  /** One character, or null (or '') for none. */
  shortcut: string | null;
}

export interface NewCode extends Partial<Omit<CodeFields, 'name'>> {
  name: string;
  /** The parent code; null or absent for a top-level code. */
  parentId?: number | null;
}

/** A code as the audit log records it. */
function snapshot(row: CodeRow) {
  const { createdAt: _c, updatedAt: _u, projectId: _p, ...rest } = row;
  return rest;
}

async function audit(tx: Tx, actor: Actor, action: string, entityId: number, before: unknown, after: unknown) {
  await recordAudit(tx as unknown as Db, { projectId: actor.projectId, userId: actor.userId, action, entityType: 'code', entityId, before, after });
}

function load(tx: Tx, projectId: number, id: number): CodeRow {
  const row = tx.select().from(codes).where(and(eq(codes.projectId, projectId), eq(codes.id, id))).get();
  if (!row) throw new CodebookError('not_found', { id });
  return row;
}

function allCodes(tx: Tx, projectId: number): CodeRow[] {
  return tx.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.sortOrder), asc(codes.id)).all();
}

/** The children of `parentId` (top level when null), in display order: the part of the tree a name check needs. */
function siblings(tx: Tx, projectId: number, parentId: number | null): CodeRow[] {
  return tx
    .select()
    .from(codes)
    .where(and(eq(codes.projectId, projectId), parentId == null ? isNull(codes.parentId) : eq(codes.parentId, parentId)))
    .orderBy(asc(codes.sortOrder), asc(codes.id))
    .all();
}

/** Writes the planned sortOrder changes. */
function applySortOrders(tx: Tx, changes: readonly SortOrderChange[]) {
  for (const { id, sortOrder } of changes) tx.update(codes).set({ sortOrder }).where(eq(codes.id, id)).run();
}

/** Creates a code at the end of its parent's children (or of the top level). Returns it. */
export async function createCode(db: Db, actor: Actor, input: NewCode): Promise<CodeRow> {
  return await transaction(db, async (tx) => {
    const parentId = input.parentId ?? null;
    if (parentId != null) load(tx, actor.projectId, parentId);
    const name = cleanName(input.name);
    const level = siblings(tx, actor.projectId, parentId);
    assertNameFree(level, parentId, name, null);
    const shortcut = cleanShortcut(input.shortcut);
    if (shortcut != null) assertShortcutFree(allCodes(tx, actor.projectId), shortcut, null);
    const last = level.at(-1);
    const row = tx
      .insert(codes)
      .values({
        projectId: actor.projectId,
        parentId,
        name,
        color: input.color != null ? cleanColor(input.color) : undefined,
        description: cleanText('description', input.description ?? ''),
        inclusion: cleanText('inclusion', input.inclusion ?? ''),
        exclusion: cleanText('exclusion', input.exclusion ?? ''),
        example: cleanText('example', input.example ?? ''),
        shortcut,
        sortOrder: last ? last.sortOrder + 1 : 0,
      })
      .returning()
      .get();
    await audit(tx, actor, 'code.create', row.id, null, snapshot(row));
    return row;
  });
}

/**
 * Changes any of a code's fields. Only fields that differ are written and audited; a patch
 * that changes nothing writes nothing. Returns the code as it now is.
 */
export async function updateCode(db: Db, actor: Actor, codeId: number, patch: Partial<CodeFields>): Promise<CodeRow> {
  return await transaction(db, async (tx) => {
    const code = load(tx, actor.projectId, codeId);
    const next: Partial<CodeFields> = {};
    if (patch.name !== undefined) next.name = cleanName(patch.name);
    if (patch.color !== undefined) next.color = cleanColor(patch.color);
    for (const field of ['description', 'inclusion', 'exclusion', 'example'] as const) {
      if (patch[field] !== undefined) next[field] = cleanText(field, patch[field]);
    }
    if (patch.shortcut !== undefined) next.shortcut = cleanShortcut(patch.shortcut);

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(next) as [keyof CodeFields, unknown][]) {
      if (code[key] !== value) {
        before[key] = code[key];
        after[key] = value;
      }
    }
    if (Object.keys(after).length === 0) return code;
    if ('name' in after) assertNameFree(siblings(tx, actor.projectId, code.parentId), code.parentId, after.name as string, code.id);
    if ('shortcut' in after && !code.archived && after.shortcut != null) {
      assertShortcutFree(allCodes(tx, actor.projectId), after.shortcut as string, code.id);
    }

    const row = tx
      .update(codes)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(codes.id, code.id))
      .returning()
      .get();
    await audit(tx, actor, 'code.update', code.id, before, after);
    return row;
  });
}

/**
 * Moves a code (with its subtree) under a new parent and/or to a new position among its
 * siblings, renumbering the old and the new sibling lists. Refuses to move a code under
 * itself or one of its descendants.
 */
export async function moveCode(db: Db, actor: Actor, codeId: number, to: MoveTarget): Promise<CodeRow> {
  return await transaction(db, async (tx) => {
    const tree = allCodes(tx, actor.projectId);
    const plan = planMove(tree, codeId, to);
    if (!plan) return findCode(tree, codeId);
    if (plan.parentChanged) {
      tx.update(codes).set({ parentId: plan.to.parentId, updatedAt: new Date() }).where(eq(codes.id, plan.codeId)).run();
    }
    applySortOrders(tx, plan.sortOrders);
    await audit(tx, actor, 'code.move', plan.codeId, plan.from, plan.to);
    return load(tx, actor.projectId, plan.codeId);
  });
}

async function setArchived(db: Db, actor: Actor, codeId: number, archived: boolean): Promise<CodeRow> {
  return await transaction(db, async (tx) => {
    const code = load(tx, actor.projectId, codeId);
    if (code.archived === archived) return code;
    if (!archived && code.shortcut != null) assertShortcutFree(allCodes(tx, actor.projectId), code.shortcut, code.id);
    const row = tx.update(codes).set({ archived, updatedAt: new Date() }).where(eq(codes.id, code.id)).returning().get();
    await audit(tx, actor, archived ? 'code.archive' : 'code.unarchive', code.id, { archived: code.archived }, { archived });
    return row;
  });
}

/**
 * Archives a code: it keeps its codings and place in the tree, and its shortcut is freed for
 * other codes. Its subcodes are not archived with it.
 */
export async function archiveCode(db: Db, actor: Actor, codeId: number): Promise<CodeRow> {
  await dbReady(db);
  return await setArchived(db, actor, codeId, true);
}

/** Restores an archived code; refused while another active code uses its shortcut. */
export async function unarchiveCode(db: Db, actor: Actor, codeId: number): Promise<CodeRow> {
  await dbReady(db);
  return await setArchived(db, actor, codeId, false);
}

export interface MergeResult {
  /** Codings that moved from the source to the target. */
  moved: number;
  /** Source codings dropped because the target already had the same range (same document, layer, coder). */
  collapsed: number;
  /** Subcodes of the source now under the target. */
  children: number;
}

/**
 * Moves every coding of code `sourceId` to `targetId` as lib/codebook/merge plans it: a coding
 * whose range the target already has collapses into the target's (memo appended,
 * translations into missing languages moved) and is deleted. Returns the ids moved and
 * collapsed.
 */
function moveCodings(tx: Tx, projectId: number, sourceId: number, targetId: number) {
  const ofCode = (id: number) =>
    tx
      .select()
      .from(codings)
      .where(and(eq(codings.projectId, projectId), eq(codings.codeId, id)))
      .orderBy(asc(codings.id))
      .all();
  const target = ofCode(targetId);
  const source = ofCode(sourceId);
  const ofBoth = tx
    .select({ id: codings.id })
    .from(codings)
    .where(and(eq(codings.projectId, projectId), inArray(codings.codeId, [sourceId, targetId])));
  const languages = tx
    .select({ id: translations.id, codingId: translations.codingId, language: translations.language })
    .from(translations)
    .where(inArray(translations.codingId, ofBoth))
    .all();
  const plan = planCodingMerge(target, source, languages);
  const now = new Date();
  for (const step of plan.steps) {
    if (step.kind === 'move') {
      tx.update(codings).set({ codeId: targetId, updatedAt: now }).where(eq(codings.id, step.codingId)).run();
      continue;
    }
    if (step.memo != null) tx.update(codings).set({ memo: step.memo, updatedAt: now }).where(eq(codings.id, step.into)).run();
    if (step.translations.length) {
      tx.update(translations).set({ codingId: step.into }).where(inArray(translations.id, step.translations)).run();
    }
    tx.delete(codings).where(eq(codings.id, step.codingId)).run();
  }
  return { moved: plan.moved, collapsed: plan.collapsed };
}

/**
 * Merges code `sourceId` into `targetId`: every coding of the source moves to the target; a
 * coding that would duplicate a target coding (same document, layer, coder, start and end)
 * collapses into it: the target's coding stays, the source's memo is appended to its memo
 * and the source's translations into languages it lacks move over. The source's subcodes
 * move under the target (after its own), its code memos follow, and the source is deleted
 * (its shortcut with it).
 * Refuses merging a code into itself or into one of its subcodes, and merging when a
 * subcode of the source has the name of a subcode of the target (lib/codebook/tree planMerge).
 */
export async function mergeCodes(db: Db, actor: Actor, sourceId: number, targetId: number): Promise<MergeResult> {
  return await transaction(db, async (tx) => {
    const { source, target, reparent, deleteId, sortOrders } = planMerge(allCodes(tx, actor.projectId), sourceId, targetId);

    const { moved, collapsed } = moveCodings(tx, actor.projectId, source.id, target.id);
    const now = new Date();

    // Subcodes go under the target, after its own; code memos follow the codings.
    for (const child of reparent) {
      tx.update(codes).set({ parentId: target.id, updatedAt: now }).where(eq(codes.id, child.id)).run();
    }
    tx.update(memos)
      .set({ targetId: target.id })
      .where(and(eq(memos.projectId, actor.projectId), eq(memos.targetKind, 'code'), eq(memos.targetId, source.id)))
      .run();
    tx.delete(codes).where(eq(codes.id, deleteId)).run();
    applySortOrders(tx, sortOrders);

    await audit(
      tx,
      actor,
      'code.merge',
      target.id,
      { source: snapshot(source), target: snapshot(target) },
      {
        sourceId: source.id,
        targetId: target.id,
        movedCodings: moved,
        collapsedCodings: collapsed,
        movedChildren: reparent.map((c) => c.id),
      },
    );
    return { moved: moved.length, collapsed: collapsed.length, children: reparent.length };
  });
}

/** How many codings (all layers) use the code. */
export async function codingCount(db: Db, projectId: number, codeId: number): Promise<number> {
  await dbReady(db);
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(codings)
      .where(and(eq(codings.projectId, projectId), eq(codings.codeId, codeId)))
      .get()?.n ?? 0
  );
}

/**
 * Deletes a code. Refused while it has subcodes. A code with codings is deleted only when
 * `confirmCodings` equals the current number of its codings (all layers), so the lead
 * confirms exactly what goes; the codings (with their translations) and the code's memos
 * are deleted with it and kept in the audit event.
 */
export async function deleteCode(db: Db, actor: Actor, codeId: number, options: { confirmCodings?: number } = {}): Promise<void> {
  await transaction(db, async (tx) => {
    const code = load(tx, actor.projectId, codeId);
    const children = siblings(tx, actor.projectId, code.id);
    if (children.length > 0) {
      throw new CodebookError('has_children', {
        name: code.name,
        count: children.length,
      });
    }
    const gone = tx
      .select({
        id: codings.id,
        documentId: codings.documentId,
        layer: codings.layer,
        coderId: codings.coderId,
        start: codings.start,
        end: codings.end,
        quote: codings.quote,
        memo: codings.memo,
      })
      .from(codings)
      .where(eq(codings.codeId, code.id))
      .orderBy(asc(codings.id))
      .all();
    if (gone.length > 0 && options.confirmCodings !== gone.length) {
      throw new CodebookError('confirm_codings', { name: code.name, count: gone.length });
    }
    const codeMemos = tx
      .select()
      .from(memos)
      .where(and(eq(memos.projectId, actor.projectId), eq(memos.targetKind, 'code'), eq(memos.targetId, code.id)))
      .all();
    if (gone.length) tx.delete(codings).where(inArray(codings.id, gone.map((c) => c.id))).run();
    if (codeMemos.length) tx.delete(memos).where(inArray(memos.id, codeMemos.map((m) => m.id))).run();
    tx.delete(codes).where(eq(codes.id, code.id)).run();
    applySortOrders(tx, renumbered(siblings(tx, actor.projectId, code.parentId)));
    await audit(tx, actor, 'code.delete', code.id, { code: snapshot(code), codings: gone, memos: codeMemos.map(({ id, authorId, text }) => ({ id, authorId, text })) }, null);
  });
}
