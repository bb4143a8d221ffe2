/** May this user write codings in this layer of this document? One rule for actions and API. */
import type { Db } from '@/db/client';
import { isAssigned } from '@/db/queries/codings';
import type { Role } from '@/db/schema';
import { mayEditLayer, type LayerRef } from '@/lib/access/layers';

/** The reason the write is not allowed, or null when it is. */
export function codingWriteProblem(
  db: Db,
  ctx: { userId: number; role: Role; blindMode: boolean },
  documentId: number,
  layer: LayerRef,
): string | null {
  if (!mayEditLayer({ role: ctx.role, userId: ctx.userId, blindMode: ctx.blindMode }, layer)) return 'You may not edit this layer';
  if (ctx.role === 'coder' && !isAssigned(db, documentId, ctx.userId)) return 'This document is not assigned to you';
  return null;
}

export function layerOfCoding(row: { layer: 'coder' | 'consensus'; coderId: number }): LayerRef {
  return row.layer === 'consensus' ? { kind: 'consensus' } : { kind: 'coder', coderId: row.coderId };
}
