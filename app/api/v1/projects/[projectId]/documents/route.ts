import { NextResponse } from 'next/server';
import { apiRoute, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { documentsForProject } from '@/db/queries/documents';

export const GET = apiRoute<{ projectId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId);
  const documents = (await documentsForProject(getDb(), projectId)).map(({ progress: _, ...d }) => d);
  return NextResponse.json({ documents });
});
