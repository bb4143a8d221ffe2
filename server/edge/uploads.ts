/**
 * The upload edge shared by the import routes: the limits from the environment
 * (UPLOAD_LIMIT_MB), the form read within them, and the JSON fields of the form parsed by
 * schema, and the per-user limit on uploads in flight. Refusals become HttpErrors (413 too large, 400 malformed) for apiRoute to answer.
 */
import type { z } from 'zod';
import { readUploadForm, uploadLimits, UploadError, type UploadLimits } from '@/lib/import/upload';
import { apiRoute, badRequest, HttpError, type Handler } from '@/server/edge/api';
import { withSlot, type SlotPool } from '@/server/edge/slots';

/** Uploads in flight: UPLOADS_PER_USER (default 2) per user, UPLOADS_TOTAL (default 8) in all. */
export const UPLOADS: SlotPool = {
  key: '__uploadSlots',
  reason: 'import.busy',
  perUser: { env: 'UPLOADS_PER_USER', fallback: 2 },
  total: { env: 'UPLOADS_TOTAL', fallback: 8 },
};

/**
 * An upload route: apiRoute, with the handler run in one of the UPLOADS slots, so one more
 * upload than the limit is refused at once with `import.busy` (429) before its body is read.
 */
export function uploadRoute<P>(handler: Handler<P>) {
  return apiRoute<P>((req, ctx) => withSlot(UPLOADS, ctx.user.id, async () => handler(req, ctx)));
}

/** The upload limits this server runs with. */
export function serverUploadLimits(): UploadLimits {
  return uploadLimits(process.env.UPLOAD_LIMIT_MB);
}

/** Reads the request's multipart form within the limits (see readUploadForm). */
export async function readUpload(req: Request): Promise<{ form: FormData; limits: UploadLimits }> {
  const limits = serverUploadLimits();
  try {
    return { form: await readUploadForm(req, limits), limits };
  } catch (e) {
    if (e instanceof UploadError) throw new HttpError(e.status, e.message);
    throw e;
  }
}

/** A text field of the form holding JSON, parsed by `schema`; a missing field is `fallback` (or 400). */
export function jsonField<T>(form: FormData, name: string, schema: z.ZodType<T>, fallback?: T): T {
  const raw = form.get(name);
  if (raw === null && fallback !== undefined) return fallback;
  if (typeof raw !== 'string') throw badRequest(`Parameter '${name}' is missing`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest(`Parameter '${name}' is not valid JSON`);
  }
  return schema.parse(value);
}

/** The bytes of an uploaded file. */
export async function fileBytes(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}
