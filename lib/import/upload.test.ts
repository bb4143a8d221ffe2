import { describe, expect, it } from 'vitest';
import { checkContentLength, readBodyWithLimit, readUploadForm, uploadLimits, UploadError, formFiles, formTexts } from './upload';

const MB = 1024 * 1024;

describe('uploadLimits', () => {
  it('reads UPLOAD_LIMIT_MB, falling back to 20 MB for anything that is not a positive number', () => {
    expect(uploadLimits(undefined).perFile).toBe(20 * MB);
    expect(uploadLimits('abc').perFile).toBe(20 * MB);
    expect(uploadLimits('0').perFile).toBe(20 * MB);
    expect(uploadLimits(' 2 ')).toEqual({ perFile: 2 * MB, perRequest: 11 * MB });
    expect(uploadLimits('0.5').perFile).toBe(MB / 2);
  });
});

describe('checkContentLength', () => {
  const limits = uploadLimits('1');
  it('refuses a declared body over the request limit before reading it', () => {
    expect(() => checkContentLength(String(6 * MB + 1), limits)).toThrow(UploadError);
    try {
      checkContentLength(String(50 * MB), limits);
    } catch (e) {
      expect((e as UploadError).status).toBe(413);
      expect((e as Error).message).toMatch(/^The upload is 50 MB, more than one request may carry \(6 MB: 1 MB per file, 5 files at most\)/);
    }
  });
  it('lets a missing or small length through and refuses nonsense', () => {
    expect(() => checkContentLength(null, limits)).not.toThrow();
    expect(() => checkContentLength('100', limits)).not.toThrow();
    expect(() => checkContentLength('-5', limits)).toThrow(/is not a number of bytes/);
  });
});

/** A body of `chunks` chunks of 64 KB that records how many were pulled. */
function countingStream(chunks: number) {
  const state = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

describe('readBodyWithLimit', () => {
  it('stops reading as soon as the body passes the limit', async () => {
    const limits = { perFile: MB / 4, perRequest: MB / 2 }; // 8 chunks
    const { stream, state } = countingStream(1000);
    await expect(readBodyWithLimit(stream, limits)).rejects.toMatchObject({ status: 413 });
    expect(state.pulled).toBeLessThanOrEqual(10);
    expect(state.cancelled).toBe(true);
  });
  it('returns a body within the limit whole', async () => {
    const { stream } = countingStream(3);
    expect((await readBodyWithLimit(stream, { perFile: MB, perRequest: MB })).byteLength).toBe(3 * 64 * 1024);
  });
});

describe('readUploadForm', () => {
  const limits = uploadLimits('1');
  const request = (form: FormData, headers: Record<string, string> = {}) => {
    const r = new Request('http://x/upload', { method: 'POST', body: form });
    const h = new Headers(r.headers);
    for (const [k, v] of Object.entries(headers)) h.set(k, v);
    return new Request('http://x/upload', { method: 'POST', body: r.body, headers: h, duplex: 'half' } as RequestInit);
  };

  it('parses files and fields of a form within the limit', async () => {
    const form = new FormData();
    form.append('files', new File([new TextEncoder().encode('P1: салам')], 'a.txt'));
    form.append('files', new File([new Uint8Array(10)], 'b.docx'));
    form.append('pasted', 'Модератор: текст');
    const parsed = await readUploadForm(request(form), limits);
    expect(formFiles(parsed, 'files').map((f) => f.name)).toEqual(['a.txt', 'b.docx']);
    expect(formTexts(parsed, 'pasted')).toEqual(['Модератор: текст']);
    expect(await formFiles(parsed, 'files')[0].text()).toBe('P1: салам');
  });

  it('refuses a form over the limit even when it declares no length', async () => {
    const form = new FormData();
    form.append('files', new File([new Uint8Array(7 * MB)], 'big.txt'));
    await expect(readUploadForm(request(form), limits)).rejects.toMatchObject({ status: 413 });
    await expect(readUploadForm(request(form, { 'content-length': String(7 * MB) }), limits)).rejects.toMatchObject({ status: 413 });
  });

  it('refuses another content type', async () => {
    const r = new Request('http://x/upload', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    await expect(readUploadForm(r, limits)).rejects.toMatchObject({ status: 400, message: 'Send the upload as multipart/form-data' });
  });
});
