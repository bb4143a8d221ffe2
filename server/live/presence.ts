/**
 * Who has which document open: one entry per open event stream, in this process (like the
 * bus; with several processes it would move to a shared table with a heartbeat column).
 * Joining and leaving publish a presence event, and each stream re-reads the list through
 * `presenceForViewer`.
 */
import type { Role } from '@/lib/access/layers';
import { publishLive } from './bus';

export interface PresentUser {
  id: number;
  name: string;
  role: Role;
}

const holder = globalThis as unknown as { __livePresence?: Map<string, Map<number, PresentUser>> };
const rooms = (holder.__livePresence ??= new Map());
let nextConnection = 1;

const roomKey = (projectId: number, documentId: number) => `${projectId}:${documentId}`;

/** Records an open stream; the function returned removes it (call it once, when the stream ends). */
export function joinDocument(projectId: number, documentId: number, user: PresentUser): () => void {
  const key = roomKey(projectId, documentId);
  let room = rooms.get(key);
  if (!room) rooms.set(key, (room = new Map()));
  const connection = nextConnection++;
  room.set(connection, user);
  publishLive({ kind: 'presence', projectId, documentId });
  let left = false;
  return () => {
    if (left) return;
    left = true;
    const r = rooms.get(key);
    r?.delete(connection);
    if (r && r.size === 0) rooms.delete(key);
    publishLive({ kind: 'presence', projectId, documentId });
  };
}

/** Everyone with the document open now (a user with two tabs is there twice). */
export function presentAt(projectId: number, documentId: number): PresentUser[] {
  return [...(rooms.get(roomKey(projectId, documentId))?.values() ?? [])];
}
