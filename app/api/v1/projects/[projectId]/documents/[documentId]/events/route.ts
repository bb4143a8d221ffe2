import { apiRoute, badRequest, HttpError, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { documentInProject } from '@/db/queries/documents';
import { projectById } from '@/db/queries/projects';
import { layerKey, mayViewLayer, parseLayerList, type LayerRef } from '@/lib/access/layers';
import { projectChannel, type LiveEvent } from '@/lib/live/events';
import { liveBus } from '@/server/live/bus';
import { joinDocument, presentAt } from '@/server/live/presence';
import { eventForViewer, liveViewer, presenceForViewer, type LiveSubscriber } from '@/server/live/visibility';

export const dynamic = 'force-dynamic';

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 15_000;

/**
 * GET ?layers=consensus,coder:<id> (default as the codings GET): a Server-Sent Events
 * stream of the document's changes in those layers, as they commit — `hello` (the current
 * document version), `codings`, `resync`, `document` (a correction), `codebook` and
 * `presence` (who else has it open). Authorised like the codings GET, and every event again
 * against the viewer's current role and blind mode.
 */
export const GET = apiRoute<{ projectId: string; documentId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const documentId = parseId(params.documentId, 'documentId');
  const role = await projectRole(user, projectId);
  const db = getDb();
  const doc = await documentInProject(db, projectId, documentId);
  if (!doc) throw notFoundError();
  const raw = new URL(req.url).searchParams.get('layers');
  let layers: LayerRef[] = [role === 'viewer' ? { kind: 'consensus' } : { kind: 'coder', coderId: user.id }];
  if (raw != null) {
    const parsed = parseLayerList(raw);
    if (parsed.unknown.length) throw badRequest(`Parameter 'layers': unknown layer ${parsed.unknown.map((u) => `'${u}'`).join(', ')}`);
    layers = parsed.layers;
  }
  const viewer = { role, userId: user.id, blindMode: (await projectById(db, projectId))!.blindMode };
  const hidden = layers.filter((l) => !mayViewLayer(viewer, l));
  if (hidden.length) throw new HttpError(403, `You may not see the layer ${hidden.map(layerKey).join(', ')}`);

  const sub: LiveSubscriber = { userId: user.id, projectId, documentId, layers };
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const write = (chunk: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          cleanup();
        }
      };
      const send = (event: string, data: unknown) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const sendPresence = async () => {
        const now = await liveViewer(getDb(), user.id, projectId);
        if (now) send('presence', presenceForViewer(now, presentAt(projectId, documentId)));
      };
      const hear = async (event: LiveEvent) => {
        // Re-read who the viewer is now: removed from the project, or blind mode turned on, stops what they hear.
        const now = await liveViewer(getDb(), user.id, projectId);
        if (!now || sub.layers.some((l) => !mayViewLayer(now, l))) {
          cleanup();
          return;
        }
        const allowed = eventForViewer(now, sub, event);
        if (!allowed) return;
        if (allowed.kind === 'presence') await sendPresence();
        else send(allowed.kind, allowed);
      };
      // One step after another, the hello first: each step reads the database (async), and the
      // client must get the events in the order they were published.
      let steps: Promise<void> = Promise.resolve();
      const inOrder = (step: () => Promise<void>) => {
        steps = steps.then(step).catch((e: unknown) => console.error('live listener failed', e));
      };
      const unsubscribe = liveBus().subscribe(projectChannel(projectId), (event) => inOrder(() => hear(event)));
      // Reconnect after a second when the stream drops; then the version in `hello` is compared.
      write('retry: 1000\n\n');
      inOrder(async () => send('hello', { version: (await documentInProject(getDb(), projectId, documentId))?.version ?? doc.version }));
      const leave = joinDocument(projectId, documentId, { id: user.id, name: user.name, role });
      inOrder(sendPresence);
      await steps;
      const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        leave();
        req.signal.removeEventListener('abort', cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      req.signal.addEventListener('abort', cleanup);
      if (req.signal.aborted) cleanup();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      // no-transform: the server's compression must not buffer the stream.
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
