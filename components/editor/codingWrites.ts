/**
 * The coding editor's writes, apart from React and the browser: each change shows at
 * once (on screen and in the codings held), goes to the server, and is rolled back when
 * the server refuses it; each one that succeeds leaves an undo entry that knows its
 * inverse. `useCodings` gives it React state, the server actions and the editor.
 */
import type { EditorCoding } from '@/lib/coding/editor-codings';
import type { LayerRef } from '@/lib/access/layers';
import type { ActionResult } from '@/server/edge/action';
import type { CodingChange, EditorCode, TextRange } from './types';
import type { UndoEntry } from './useUndoStack';

/** The server actions of `server/actions/codings.ts`, bound to one document. */
export interface CodingRemote {
  create(layer: LayerRef, codeIds: number[], range: TextRange): Promise<ActionResult<EditorCoding[]>>;
  remove(codingId: number): Promise<ActionResult<unknown>>;
  update(codingId: number, change: CodingChange): Promise<ActionResult<EditorCoding>>;
  createCode(name: string): Promise<ActionResult<{ id: number; name: string; color: string }>>;
}

/** How the codings' changes reach the screen (the editor's commands, see `drawCodings`). */
export interface CodingsDraw {
  /** Codes were applied to the selection: these codings are new. */
  applied(codings: EditorCoding[]): void;
  /** These codings are gone. */
  removed(ids: number[]): void;
  /** The codings `from` are now drawn as `to` (a change, a saved coding in place of its stand-in, one put back). */
  updated(from: number[], to: EditorCoding[]): void;
}

export interface CodingWriterDeps {
  remote: CodingRemote;
  /** Changes the codings held. */
  change(fn: (codings: EditorCoding[]) => EditorCoding[]): void;
  draw: CodingsDraw;
  /** Tells the reader why the last write failed (null: it did not), with the refusal's reason when the server gave one. */
  report(message: string | null, reason?: string): void;
  undo: { push(entry: UndoEntry): void };
}

/**
 * The one reading of a server action's answer: its value, or null once the reader has
 * been told why not (a refusal in their language, or the error of a request that did not
 * get an answer).
 */
export async function settle<T>(answer: Promise<ActionResult<T>>, report: (message: string, reason?: string) => void): Promise<T | null> {
  let res: ActionResult<T>;
  try {
    res = await answer;
  } catch (e) {
    report(e instanceof Error ? e.message : String(e));
    return null;
  }
  if (res.ok) return res.value;
  report(res.error, res.reason);
  return null;
}

/** The layer a coding is in. */
export function layerOf(c: Pick<EditorCoding, 'layer' | 'coderId'>): LayerRef {
  return c.layer === 'consensus' ? { kind: 'consensus' } : { kind: 'coder', coderId: c.coderId };
}

/** Ids of codings not saved yet: negative, so they never meet a saved one's. */
let tempIds = -1;

/** Stand-ins for the codings being saved, drawn until the server answers. */
export function standIns(layer: LayerRef, codeIds: readonly number[], range: TextRange, now = new Date()): EditorCoding[] {
  return codeIds.map((codeId) => ({
    id: tempIds--,
    codeId,
    layer: layer.kind,
    coderId: layer.kind === 'coder' ? layer.coderId : 0,
    coderName: '',
    start: range.start,
    end: range.end,
    memo: '',
    needsReview: false,
    updatedAt: now.toISOString(),
  }));
}

export function codingWriter({ remote, change, draw, report, undo }: CodingWriterDeps) {
  const call = <T>(answer: Promise<ActionResult<T>>) => settle(answer, report);

  const without = (ids: readonly number[]) => change((cs) => cs.filter((c) => !ids.includes(c.id)));
  /** `added` joins the codings held, in place of any with the same id (a refresh may have brought them). */
  const adding = (added: readonly EditorCoding[], replacing: readonly number[] = []) => {
    const gone = new Set([...replacing, ...added.map((c) => c.id)]);
    change((cs) => [...cs.filter((c) => !gone.has(c.id)), ...added]);
  };
  const replacing = (saved: EditorCoding) => change((cs) => cs.map((c) => (c.id === saved.id ? saved : c)));

  /** Removes codings on the server, one by one; false at the first refusal. */
  const removeRemote = async (ids: readonly number[]) => {
    for (const id of ids) if ((await call(remote.remove(id))) === null) return false;
    return true;
  };

  /** Codes `range` with `codeIds` in `layer`: shown at once, saved, rolled back on failure. */
  const apply = async (layer: LayerRef, codeIds: number[], range: TextRange) => {
    if (codeIds.length === 0) return;
    const temps = standIns(layer, codeIds, range);
    const tempIds = temps.map((c) => c.id);
    adding(temps);
    report(null);
    draw.applied(temps);
    const created = await call(remote.create(layer, codeIds, range));
    if (!created) {
      without(tempIds);
      draw.removed(tempIds);
      return;
    }
    adding(created, tempIds);
    draw.updated(tempIds, created);
    let ids = created.map((c) => c.id);
    undo.push({
      undo: async () => {
        if (!(await removeRemote(ids))) return;
        without(ids);
        draw.removed(ids);
      },
      redo: async () => {
        const again = await call(remote.create(layer, codeIds, range));
        if (!again) return;
        ids = again.map((c) => c.id);
        adding(again);
        draw.updated([], again);
      },
    });
  };

  /** Removes a coding: gone at once, put back if the server refuses. */
  const remove = async (coding: EditorCoding) => {
    without([coding.id]);
    draw.removed([coding.id]);
    if (!(await removeRemote([coding.id]))) {
      adding([coding]);
      draw.updated([], [coding]);
      return;
    }
    let current = coding;
    undo.push({
      undo: async () => {
        const again = (await call(remote.create(layerOf(coding), [coding.codeId], coding)))?.[0];
        if (!again) return;
        if (coding.memo) await call(remote.update(again.id, { memo: coding.memo }));
        current = { ...again, memo: coding.memo };
        adding([current]);
        draw.updated([], [current]);
      },
      redo: async () => {
        if (!(await removeRemote([current.id]))) return;
        without([current.id]);
        draw.removed([current.id]);
      },
    });
  };

  /** Changes a coding's code, range or memo, once the server has. */
  const update = async (coding: EditorCoding, to: CodingChange) => {
    const changed = async (change: CodingChange) => {
      const saved = await call(remote.update(coding.id, change));
      if (!saved) return false;
      replacing(saved);
      draw.updated([coding.id], [saved]);
      return true;
    };
    if (!(await changed(to))) return;
    const before: CodingChange = { codeId: coding.codeId, start: coding.start, end: coding.end, memo: coding.memo };
    undo.push({
      undo: async () => void (await changed(before)),
      redo: async () => void (await changed(to)),
    });
  };

  /** Adds a code to the codebook (typed in the popover, or in vivo). */
  const createCode = async (name: string): Promise<EditorCode | null> => {
    const code = await call(remote.createCode(name));
    return code && { id: code.id, name: code.name, path: code.name, depth: 0, color: code.color, shortcut: null, archived: false };
  };

  return { apply, remove, update, createCode };
}

export type CodingWriter = ReturnType<typeof codingWriter>;
