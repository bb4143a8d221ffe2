'use server';
import { z } from 'zod';
import { projectAction, refuse, type ProjectContext } from '@/server/edge/action';
import { addCodings, changeCoding, removeCoding, type Writer } from '@/server/services/codings';
import { createCode } from '@/db/queries/codebook';
import { publishLive } from '@/server/live/bus';

const id = z.number().int().positive();
const layerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consensus') }),
  z.object({ kind: z.literal('coder'), coderId: id }),
]);

const writer = ({ project, user, role }: ProjectContext): Writer => ({ projectId: project.id, userId: user.id, role, blindMode: project.blindMode });

/** Codes a range with one or more codes. */
export const createCodingsAction = projectAction(
  {
    roles: ['lead', 'coder'],
    input: z.object({
      documentId: id,
      version: z.number().int().positive(),
      codeIds: z.array(id).min(1).max(50),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      layer: layerSchema,
      memo: z.string().max(20000).optional(),
    }),
  },
  (ctx, input) => addCodings(ctx.db, writer(ctx), input),
);

/** Changes a coding's code, range or memo. */
export const updateCodingAction = projectAction(
  {
    roles: ['lead', 'coder'],
    input: z.object({
      codingId: id,
      /** The document version the range was chosen in: needed when start or end change. */
      version: z.number().int().positive().optional(),
      codeId: id.optional(),
      start: z.number().int().min(0).optional(),
      end: z.number().int().min(0).optional(),
      memo: z.string().max(20000).optional(),
    }),
  },
  (ctx, { codingId, ...change }) => changeCoding(ctx.db, writer(ctx), codingId, change),
);

/** Removes a coding; returns its id so the client can undo. */
export const deleteCodingAction = projectAction({ roles: ['lead', 'coder'], input: z.object({ codingId: id }) }, (ctx, { codingId }) =>
  removeCoding(ctx.db, writer(ctx), codingId),
);

const PALETTE = ['#e6194b', '#3cb44b', '#ffe119', '#4363d8', '#f58231', '#911eb4', '#46f0f0', '#f032e6', '#bcf60c', '#fabebe', '#008080', '#9a6324'];

/**
 * Creates a code from the editor's popover (a typed name, or in-vivo: the selected words).
 * Leads always may; coders only when the lead allows coders to create codes.
 */
export const createCodeInEditorAction = projectAction(
  { roles: ['lead', 'coder'], input: z.object({ name: z.string().trim().min(1).max(200), parentId: id.nullable().optional() }) },
  async ({ db, project, user, role }, { name, parentId }) => {
    if (role === 'coder' && !project.codersMayCreateCodes) refuse('code.only_lead_creates');
    const color = PALETTE[[...name].reduce((h, ch) => (h * 31 + ch.codePointAt(0)!) >>> 0, 7) % PALETTE.length];
    const code = await createCode(db, { projectId: project.id, userId: user.id }, { name, parentId: parentId ?? null, color });
    publishLive({ kind: 'codebook', projectId: project.id, actorId: user.id });
    return { id: code.id, name: code.name, color: code.color, parentId: code.parentId };
  },
);
