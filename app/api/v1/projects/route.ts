import { NextResponse } from 'next/server';
import { apiRoute } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { projectsForUser } from '@/db/queries/projects';

export const GET = apiRoute(async (_req, { user }) => {
  return NextResponse.json({ projects: await projectsForUser(getDb(), user.id) });
});
