import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { dbReady } from '../transaction';
import { codes, codings } from '../schema';
import { coderKey } from '@/lib/access/layers';

export type CodeRow = typeof codes.$inferSelect;
export interface CodeNode extends Omit<CodeRow, 'createdAt' | 'updatedAt' | 'projectId'> {
  /** Codings of this code per layer: 'consensus' and 'coder:<id>'. */
  counts: Record<string, number>;
  children: CodeNode[];
}

export async function codesOfProject(db: Db, projectId: number): Promise<CodeRow[]> {
  await dbReady(db);
  return db.select().from(codes).where(eq(codes.projectId, projectId)).orderBy(asc(codes.sortOrder), asc(codes.id)).all();
}

/** The codebook as a tree in display order, each code with its coding counts per layer. */
export async function codeTree(db: Db, projectId: number): Promise<CodeNode[]> {
  await dbReady(db);
  const rows = await codesOfProject(db, projectId);
  const countRows = db
    .select({ codeId: codings.codeId, layer: codings.layer, coderId: codings.coderId, n: sql<number>`count(*)` })
    .from(codings)
    .where(eq(codings.projectId, projectId))
    .groupBy(codings.codeId, codings.layer, codings.coderId)
    .all();
  const nodes = new Map<number, CodeNode>();
  for (const { createdAt: _c, updatedAt: _u, projectId: _p, ...r } of rows) nodes.set(r.id, { ...r, counts: {}, children: [] });
  for (const c of countRows) {
    const node = nodes.get(c.codeId);
    if (!node) continue;
    const key = c.layer === 'consensus' ? 'consensus' : coderKey(c.coderId!);
    node.counts[key] = (node.counts[key] ?? 0) + c.n;
  }
  const roots: CodeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId != null ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
