'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { CodingsEvent, DocumentEvent, HelloEvent, PresenceList } from '@/lib/live/events';
import { useI18n } from '../I18nProvider';
import type { LiveChange } from './useCodings';
import { useKeptNotice } from './keptNotices';
import { useLatest } from './useLatest';

/** How long a refused stream (signed out, no longer allowed) waits before the page is fetched again and the stream reopened. */
const REOPEN_MS = 5_000;

export interface LiveUpdates {
  /** The others who have the document open (only those the reader may know of: the server filters). */
  present: PresenceList['users'];
  /** Why the editor reloaded itself (a correction), in the reader's language; null when it did not. */
  notice: string | null;
}

/**
 * Live updates of the document open in the editor, from its Server-Sent Events stream
 * (app/api/v1/projects/[projectId]/documents/[documentId]/events): codings other users
 * add, change or remove in the layers on screen are drawn at once; the user's own are
 * ignored (this tab already drew them). Anything the editor cannot apply in place makes it
 * fetch the page again (router.refresh, as on focus): an event in another version of the
 * text (never drawn at a wrong place), a correction (with the reason shown after the
 * reload), a codebook change, a batch of codings, and a reconnect after the stream dropped
 * (EventSource reconnects by itself; what was missed meanwhile comes with the refetch).
 */
export function useLiveUpdates({
  projectId,
  documentId,
  version,
  layers,
  userId,
  received,
}: {
  projectId: string;
  documentId: number;
  version: number;
  /** Keys of the layers on screen ('consensus', 'coder:<id>'). */
  layers: string[];
  userId: number;
  received: (change: LiveChange) => void;
}): LiveUpdates {
  const router = useRouter();
  const { t } = useI18n();
  const [present, setPresent] = useState<PresenceList['users']>([]);
  const { notice, keep } = useKeptNotice(`live:${documentId}`);
  const [reopen, setReopen] = useState(0);
  const latest = useLatest({ version, userId, received, router, t });
  const refreshing = useRef<ReturnType<typeof setTimeout> | null>(null);
  const layerList = layers.join(',');

  useEffect(() => {
    /** Several events at once make one refetch. */
    const refresh = () => {
      if (refreshing.current) return;
      refreshing.current = setTimeout(() => {
        refreshing.current = null;
        latest.current.router.refresh();
      }, 50);
    };
    const source = new EventSource(`/api/v1/projects/${projectId}/documents/${documentId}/events?layers=${encodeURIComponent(layerList)}`);
    let hellos = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const data = <T,>(e: Event) => JSON.parse((e as MessageEvent<string>).data) as T;
    source.addEventListener('hello', (e) => {
      const hello = data<HelloEvent>(e);
      hellos++;
      // A reconnect: what happened while the stream was down comes with the page's current state.
      if (hellos > 1 || hello.version !== latest.current.version) refresh();
    });
    source.addEventListener('codings', (e) => {
      const event = data<CodingsEvent>(e);
      const { version: local, userId: me } = latest.current;
      if (event.actorId === me) return;
      // Offsets into another text than the one on screen: fetch again, never draw at a wrong place.
      if (event.version !== local) return refresh();
      latest.current.received({ added: event.added, changed: event.changed, removed: event.removed });
    });
    source.addEventListener('document', (e) => {
      const event = data<DocumentEvent>(e);
      const { version: local, t: tr } = latest.current;
      if (event.version === local) return;
      const message = tr('error.document.stale', { seen: local, current: event.version, by: event.by, at: event.at });
      keep(message);
      refresh();
    });
    // The editor that changed the codebook has the change already; a refetch would only redraw it.
    source.addEventListener('codebook', (e) => {
      if (data<{ actorId?: number }>(e).actorId !== latest.current.userId) refresh();
    });
    source.addEventListener('resync', refresh);
    source.addEventListener('presence', (e) => setPresent(data<PresenceList>(e).users));
    source.addEventListener('error', () => {
      // EventSource retries a dropped connection itself; a refused one (401, 403, 404) it gives up.
      if (source.readyState !== EventSource.CLOSED) return;
      timer = setTimeout(() => {
        latest.current.router.refresh();
        setReopen((n) => n + 1);
      }, REOPEN_MS);
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      if (refreshing.current) clearTimeout(refreshing.current);
      refreshing.current = null;
    };
  }, [projectId, documentId, layerList, reopen, latest, keep]);

  return { present, notice };
}
