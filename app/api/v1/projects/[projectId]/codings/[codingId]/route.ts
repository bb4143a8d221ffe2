import { NextResponse } from 'next/server';
import { apiRoute, parseId, projectRole } from '@/server/edge/api';
import { removeCoding } from '@/server/services/codings';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';

/** DELETE: remove a coding of a layer the caller may edit (one they may not see does not exist for them). */
export const DELETE = apiRoute<{ projectId: string; codingId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const codingId = parseId(params.codingId, 'codingId');
  const role = await projectRole(user, projectId);
  const db = getDb();
  await removeCoding(db, { projectId, userId: user.id, role, blindMode: (await projectById(db, projectId))!.blindMode }, codingId);
  return new NextResponse(null, { status: 204 });
});
