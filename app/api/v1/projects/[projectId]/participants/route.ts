import { NextResponse } from 'next/server';
import { apiRoute, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { participantsForProject } from '@/db/queries/participants';

export const GET = apiRoute<{ projectId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  await projectRole(user, projectId);
  return NextResponse.json({ participants: await participantsForProject(getDb(), projectId) });
});
