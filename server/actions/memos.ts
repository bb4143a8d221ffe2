'use server';
/** Coders and leads write memos on the project, a document or a code; viewers read them. */
import { z } from 'zod';
import { projectAction } from '@/server/edge/action';
import { deleteMemo, memosFor, saveMemo } from '@/db/queries/memos';
import { MEMO_TARGETS } from '@/lib/memos/views';

const target = z.object({ kind: z.enum(MEMO_TARGETS), targetId: z.number().int().positive().nullable() });

/** Writes a memo (or changes the author's own); returns the memos of the target. */
export const saveMemoAction = projectAction(
  { roles: ['lead', 'coder'], input: target.extend({ memoId: z.number().int().positive().optional(), text: z.string().trim().min(1).max(20000) }) },
  async ({ db, project, user }, d) => {
    await saveMemo(db, { projectId: project.id, kind: d.kind, targetId: d.targetId, memoId: d.memoId, text: d.text, authorId: user.id });
    return await memosFor(db, project.id, d.kind, d.targetId);
  },
);

/** Deletes a memo (its author, or a lead); returns the memos of the target. */
export const deleteMemoAction = projectAction(
  { roles: ['lead', 'coder'], input: target.extend({ memoId: z.number().int().positive() }) },
  async ({ db, project, user, role }, d) => {
    await deleteMemo(db, project.id, d.memoId, { id: user.id, isLead: role === 'lead' });
    return await memosFor(db, project.id, d.kind, d.targetId);
  },
);
