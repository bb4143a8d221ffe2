/**
 * Size limits on uploads, enforced before the body is read: a request whose Content-Length
 * is over the limit is refused without reading it, and a body read in chunks is abandoned as
 * soon as it passes the limit (a client may send no Content-Length, or a false one). Each
 * file is then checked against the per-file limit by the parsers (`maxBytes`).
 *
 * Web-standard Request/ReadableStream only, so route handlers use it and tests call it
 * without a server.
 */
import { formatBytes } from './errors';

/** Per-file upload limit when UPLOAD_LIMIT_MB is not set: 20 MB. */
export const DEFAULT_UPLOAD_LIMIT_MB = 20;

/**
 * How many files' worth one request may carry: a batch of transcripts is uploaded in one
 * request (it is imported in one transaction), so the request limit is this many times the
 * per-file limit, plus 1 MB for the form's other fields.
 */
export const FILES_PER_REQUEST = 5;

export interface UploadLimits {
  /** Largest accepted file, in bytes. */
  perFile: number;
  /** Largest accepted request body, in bytes. */
  perRequest: number;
}

/**
 * The limits for a per-file limit in megabytes as the environment gives it (UPLOAD_LIMIT_MB):
 * a positive number, fractions allowed; anything else (unset, "", "abc", "0") means the
 * default of {@link DEFAULT_UPLOAD_LIMIT_MB}.
 */
export function uploadLimits(limitMb: string | undefined): UploadLimits {
  const n = limitMb === undefined || limitMb.trim() === '' ? NaN : Number(limitMb);
  const mb = Number.isFinite(n) && n > 0 ? n : DEFAULT_UPLOAD_LIMIT_MB;
  const perFile = Math.floor(mb * 1024 * 1024);
  return { perFile, perRequest: perFile * FILES_PER_REQUEST + 1024 * 1024 };
}

/** An upload refused: `status` is the HTTP status to answer with (413 too large, 400 malformed). */
export class UploadError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

function tooLarge(size: string, limits: UploadLimits): UploadError {
  return new UploadError(
    413,
    `The upload is ${size}, more than one request may carry (${formatBytes(limits.perRequest)}: ` +
      `${formatBytes(limits.perFile)} per file, ${FILES_PER_REQUEST} files at most). Import fewer or smaller files at once.`,
  );
}

/**
 * Refuses a request by its Content-Length header, before any of the body is read. A missing
 * header passes (the body is then counted as it is read); a malformed one is a 400.
 */
export function checkContentLength(header: string | null, limits: UploadLimits): void {
  if (header === null || header.trim() === '') return;
  if (!/^\d+$/.test(header.trim())) throw new UploadError(400, `Content-Length "${header}" is not a number of bytes`);
  const n = Number(header.trim());
  if (n > limits.perRequest) throw tooLarge(formatBytes(n), limits);
}

/**
 * Reads a body to its end, or until it passes `limits.perRequest` bytes: then the stream is
 * cancelled (the rest is never read) and a 413 {@link UploadError} is thrown.
 */
export async function readBodyWithLimit(body: ReadableStream<Uint8Array> | null, limits: UploadLimits): Promise<Uint8Array<ArrayBuffer>> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limits.perRequest) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`more than ${formatBytes(limits.perRequest)}`, limits);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * Reads a multipart/form-data request within the limits: Content-Length first, then the
 * body counted as it streams in, then parsed. Throws an {@link UploadError}: 413 over the
 * limit, 400 for another content type or a malformed form.
 */
export async function readUploadForm(req: Request, limits: UploadLimits): Promise<FormData> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) throw new UploadError(400, 'Send the upload as multipart/form-data');
  checkContentLength(req.headers.get('content-length'), limits);
  const bytes = await readBodyWithLimit(req.body, limits);
  try {
    return await new Response(bytes, { headers: { 'content-type': type } }).formData();
  } catch (e) {
    throw new UploadError(400, `The upload is not a well-formed form (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** The files sent under `name`, in order (text fields of that name are ignored). */
export function formFiles(form: FormData, name: string): File[] {
  return form.getAll(name).filter((v): v is File => typeof v !== 'string');
}

/** The text fields sent under `name`, in order (files of that name are ignored). */
export function formTexts(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}
