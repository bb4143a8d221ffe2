'use client';
import { useRouter } from 'next/navigation';
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { createCodeInEditorAction, createCodingsAction, deleteCodingAction, updateCodingAction } from '@/server/actions/codings';
import { unpackCodings, type EditorCoding, type CodingColumns } from '@/lib/coding/editor-codings';
import { fromJsonText, type JsonText } from '@/lib/json-text';
import { useKeptNotice } from './keptNotices';
import { codingWriter, type CodingRemote, type CodingsDraw } from './codingWrites';
import { useLatest } from './useLatest';
import { useUndoStack } from './useUndoStack';

/** Codings added, changed and removed by someone else. */
export interface LiveChange {
  added: EditorCoding[];
  changed: EditorCoding[];
  removed: number[];
}

/** Runs `fn` once the browser has painted the next frame (changes are kept in order: each waits the same). */
function afterPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

/** The server actions of one document's codings. */
function remoteOf(projectId: string, documentId: number, version: number): CodingRemote {
  return {
    create: (layer, codeIds, { start, end }) => createCodingsAction(projectId, { documentId, version, codeIds, start, end, layer }),
    remove: (codingId) => deleteCodingAction(projectId, { codingId }),
    update: (codingId, change) => updateCodingAction(projectId, { codingId, version, ...change }),
    createCode: (name) => createCodeInEditorAction(projectId, { name }),
  };
}

/**
 * The codings of the document open in the editor, and their writes: optimistic (shown at
 * once through `draw`, rolled back when the server refuses), each undoable. Codings from
 * the server (a reload; another tab's work, fetched when the window gets focus again)
 * replace the ones held.
 */
export function useCodings({ projectId, documentId, version, codings: packed, draw }: { projectId: string; documentId: number; version: number; codings: JsonText<CodingColumns>; draw: CodingsDraw }) {
  const router = useRouter();
  const fromServer = useMemo(() => unpackCodings(fromJsonText(packed)), [packed]);
  const [codings, setCodings] = useState<EditorCoding[]>(fromServer);
  useEffect(() => setCodings(fromServer), [fromServer]);
  useEffect(() => {
    const refresh = () => router.refresh();
    window.addEventListener('focus', refresh);
    return () => window.removeEventListener('focus', refresh);
  }, [router]);

  /** The server's reason the last write failed, in the reader's language. */
  const { notice: failure, setNotice: setFailure, keep } = useKeptNotice(`write:${documentId}`);
  const undo = useUndoStack();
  const latestDraw = useLatest(draw);
  const { push } = undo;
  const writer = useMemo(
    () =>
      codingWriter({
        remote: remoteOf(projectId, documentId, version),
        // The editor's commands draw each write at once; the codings held (the margin, the
        // codes' counts, 20,000 codings' highlights compared) follow after the next paint, in
        // a transition: started at once, React's work on them ran before the browser painted
        // the new highlight (a transition still renders in the task after the event's).
        change: (fn) => afterPaint(() => startTransition(() => setCodings(fn))),
        draw: {
          applied: (cs) => latestDraw.current.applied(cs),
          removed: (ids) => latestDraw.current.removed(ids),
          updated: (from, to) => latestDraw.current.updated(from, to),
        },
        report: (message, reason) => {
          // A correction since the page was loaded: fetch the current text and codings; the message
          // says why, in the editor the new version mounts too.
          if (reason === 'document.stale' && message) {
            keep(message);
            router.refresh();
          } else setFailure(message);
        },
        undo: { push },
      }),
    [projectId, documentId, version, latestDraw, push, router, keep, setFailure],
  );
  /** Codings another user changed, as the live stream brought them (see useLiveUpdates): held and drawn, in place of any with the same id. */
  const held = useLatest(codings);
  const received = useCallback(
    (change: LiveChange) => {
      const have = new Set(held.current.map((c) => c.id));
      const incoming = [...change.added, ...change.changed];
      const gone = new Set([...change.removed.filter((id) => have.has(id)), ...incoming.map((c) => c.id)]);
      setCodings((cs) => [...cs.filter((c) => !gone.has(c.id)), ...incoming]);
      const removed = change.removed.filter((id) => have.has(id));
      if (removed.length) latestDraw.current.removed(removed);
      if (incoming.length) latestDraw.current.updated(incoming.filter((c) => have.has(c.id)).map((c) => c.id), incoming);
    },
    [held, latestDraw],
  );
  return { codings, failure, undo, received, ...writer };
}
