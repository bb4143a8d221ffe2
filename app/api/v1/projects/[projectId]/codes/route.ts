import { NextResponse } from 'next/server';
import { apiRoute, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { codeTree, type CodeNode } from '@/db/queries/codes';
import { projectById } from '@/db/queries/projects';
import { visibleCountKeys } from '@/lib/access/layers';

export const GET = apiRoute<{ projectId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = await projectRole(user, projectId);
  const db = getDb();
  const may = visibleCountKeys({ role, userId: user.id, blindMode: (await projectById(db, projectId))!.blindMode });
  // Counts of layers the caller may not see are left out (blind mode).
  const strip = (nodes: CodeNode[]): CodeNode[] =>
    nodes.map((n) => ({
      ...n,
      counts: Object.fromEntries(Object.entries(n.counts).filter(([k]) => may(k))),
      children: strip(n.children),
    }));
  return NextResponse.json({ codes: strip(await codeTree(db, projectId)) });
});
