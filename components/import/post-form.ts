/**
 * Posting an upload form to an import route and reading its JSON answer: the route answers
 * 200 with the result, 422 with {error, problems} when nothing was stored, 4xx with {error}.
 */
export type FormAnswer<T, P> = { ok: true; value: T } | { ok: false; status: number; error: string; problems: P[] };

/** POSTs `form` to `url`; a network failure or a non-JSON answer becomes an error answer. */
export async function postForm<T, P = string>(url: string, form: FormData): Promise<FormAnswer<T, P>> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body: form });
  } catch (e) {
    return { ok: false, status: 0, error: e instanceof Error ? e.message : String(e), problems: [] };
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    return { ok: false, status: res.status, error: `${res.status} ${res.statusText}`, problems: [] };
  }
  if (res.ok) return { ok: true, value: body as T };
  const b = body as { error?: string; problems?: P[] };
  return { ok: false, status: res.status, error: b.error ?? `${res.status}`, problems: b.problems ?? [] };
}
