'use server';
import { z } from 'zod';
import { requireProject } from '@/server/edge/session';
import { deleteMemo, MemoError, memosFor, saveMemo, type MemoView } from '@/db/queries/memos';
import { MEMO_TARGETS } from '@/db/schema';

export type MemoResult = { ok: true; value: MemoView[] } | { ok: false; error: string };

const target = z.object({ kind: z.enum(MEMO_TARGETS), targetId: z.number().int().positive().nullable() });
const saveSchema = target.extend({ memoId: z.number().int().positive().optional(), text: z.string().trim().min(1).max(20000) });

async function guarded(projectId: number, kind: z.infer<typeof target>['kind'], targetId: number | null, db: Parameters<typeof memosFor>[0], fn: () => void): Promise<MemoResult> {
  try {
    fn();
  } catch (e) {
    if (e instanceof MemoError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, value: memosFor(db, projectId, kind, targetId) };
}

/** Coders and leads write memos on the project, a document or a code; viewers read them. */
export async function saveMemoAction(projectId: string, input: unknown): Promise<MemoResult> {
  const { project, db, user } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = saveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: `Invalid memo: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}` };
  const d = parsed.data;
  return guarded(project.id, d.kind, d.targetId, db, () => saveMemo(db, { projectId: project.id, kind: d.kind, targetId: d.targetId, memoId: d.memoId, text: d.text, authorId: user.id }));
}

export async function deleteMemoAction(projectId: string, input: unknown): Promise<MemoResult> {
  const { project, db, user, role } = await requireProject(projectId, ['lead', 'coder']);
  const parsed = target.extend({ memoId: z.number().int().positive() }).safeParse(input);
  if (!parsed.success) return { ok: false, error: 'Invalid request' };
  const d = parsed.data;
  return guarded(project.id, d.kind, d.targetId, db, () => deleteMemo(db, project.id, d.memoId, { id: user.id, isLead: role === 'lead' }));
}
