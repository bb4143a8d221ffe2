import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute, badRequest, HttpError, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { codingWriteProblem } from '@/server/services/coding-access';
import { getDb } from '@/db/client';
import { CodingError, createCodings } from '@/db/queries/codings';
import { documentInProject } from '@/db/queries/documents';
import { projectById } from '@/db/queries/projects';

const id = z.number().int().positive();
const body = z.object({
  documentId: id,
  version: z.number().int().positive().optional(),
  codeIds: z.array(id).min(1).max(50),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** 'consensus', or omitted for the caller's own layer */
  layer: z.enum(['own', 'consensus']).default('own'),
  memo: z.string().max(20000).optional(),
});

/** POST: code a range of a document with one or more codes. */
export const POST = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = projectRole(user, projectId);
  const json = await req.json().catch(() => {
    throw badRequest('The body must be JSON');
  });
  const input = body.parse(json);
  const db = getDb();
  if (!documentInProject(db, projectId, input.documentId)) throw notFoundError();
  const layer = input.layer === 'consensus' ? ({ kind: 'consensus' } as const) : ({ kind: 'coder', coderId: user.id } as const);
  const problem = codingWriteProblem(db, { userId: user.id, role, blindMode: projectById(db, projectId)!.blindMode }, input.documentId, layer);
  if (problem) throw new HttpError(403, problem);
  try {
    const codings = createCodings(db, { ...input, layer, projectId, actorId: user.id });
    return NextResponse.json({ codings }, { status: 201 });
  } catch (e) {
    if (e instanceof CodingError) throw badRequest(e.message);
    throw e;
  }
});
