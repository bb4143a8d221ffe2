import { NextResponse } from 'next/server';
import { apiRoute, HttpError, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { codingWriteProblem, layerOfCoding } from '@/server/services/coding-access';
import { getDb } from '@/db/client';
import { codingInProject, deleteCoding } from '@/db/queries/codings';
import { projectById } from '@/db/queries/projects';
import { mayViewLayer } from '@/lib/access/layers';

/** DELETE: remove a coding of a layer the caller may edit. */
export const DELETE = apiRoute<{ projectId: string; codingId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const codingId = parseId(params.codingId, 'codingId');
  const role = projectRole(user, projectId);
  const db = getDb();
  const blindMode = projectById(db, projectId)!.blindMode;
  const row = codingInProject(db, projectId, codingId);
  // A coding in a layer the caller may not even see does not exist for them.
  if (!row || !mayViewLayer({ role, userId: user.id, blindMode }, layerOfCoding(row))) throw notFoundError();
  const problem = codingWriteProblem(db, { userId: user.id, role, blindMode }, row.documentId, layerOfCoding(row));
  if (problem) throw new HttpError(403, problem);
  deleteCoding(db, projectId, codingId, user.id);
  return new NextResponse(null, { status: 204 });
});
