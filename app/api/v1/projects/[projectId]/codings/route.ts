import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute, parseId, projectRole } from '@/server/edge/api';
import { addCodings } from '@/server/services/codings';
import { getDb } from '@/db/client';
import { projectById } from '@/db/queries/projects';

const id = z.number().int().positive();
const body = z.object({
  documentId: id,
  version: z.number().int().positive(),
  codeIds: z.array(id).min(1).max(50),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** 'consensus', or omitted for the caller's own layer */
  layer: z.enum(['own', 'consensus']).default('own'),
  memo: z.string().max(20000).optional(),
});

/** POST: code a range of a document with one or more codes. */
export const POST = apiRoute<{ projectId: string }>(async (_req, { user, params, json: readBody }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = await projectRole(user, projectId);
  const json = await readBody();
  const input = body.parse(json);
  const db = getDb();
  const layer = input.layer === 'consensus' ? ({ kind: 'consensus' } as const) : ({ kind: 'coder', coderId: user.id } as const);
  const codings = await addCodings(db, { projectId, userId: user.id, role, blindMode: (await projectById(db, projectId))!.blindMode }, { ...input, layer });
  return NextResponse.json({ codings }, { status: 201 });
});
