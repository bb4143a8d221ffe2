/**
 * Which live events an open stream may hear: the same rule as every read of codings
 * (lib/access/layers.ts `mayViewLayer`, as the codings GET and the document page apply
 * it), checked again at every event against the viewer's current role and the project's
 * current blind mode, so that a member removed or blind mode turned on stops the flow at
 * once, not at the next reconnect.
 */
import type { Db } from '@/db/client';
import { projectById, roleInProject } from '@/db/queries/projects';
import { layerKey, mayViewLayer, type LayerRef, type LayerViewer, type Role } from '@/lib/access/layers';
import type { LiveEvent, PresenceList } from '@/lib/live/events';
import { concernsDocument } from '@/lib/live/events';

/** One open stream: who, which document, and the layers they have on screen. */
export interface LiveSubscriber {
  userId: number;
  projectId: number;
  documentId: number;
  layers: LayerRef[];
}

/** The viewer as the database says now, or null when they are no longer in the project. */
export async function liveViewer(db: Db, userId: number, projectId: number): Promise<LayerViewer | null> {
  const role = await roleInProject(db, userId, projectId);
  const project = await projectById(db, projectId);
  if (!role || !project) return null;
  return { role, userId, blindMode: project.blindMode };
}

/** The event as this subscriber may receive it, or null when it is not theirs to hear. */
export function eventForViewer(viewer: LayerViewer, sub: LiveSubscriber, event: LiveEvent): LiveEvent | null {
  if (event.projectId !== sub.projectId || !concernsDocument(event, sub.documentId)) return null;
  if (event.kind !== 'codings' && event.kind !== 'resync') return event;
  // A resync of every layer says only "fetch again", which every read then authorises.
  if (!event.layer) return event;
  if (!mayViewLayer(viewer, event.layer)) return null;
  // Only the layers on screen: the editor holds no others.
  const key = layerKey(event.layer);
  return sub.layers.some((l) => layerKey(l) === key) ? event : null;
}

/** The layer whose visibility decides whether a person present is shown: a viewer's is consensus, anyone else's their own. */
export function presenceLayer(user: { id: number; role: Role }): LayerRef {
  return user.role === 'viewer' ? { kind: 'consensus' } : { kind: 'coder', coderId: user.id };
}

/**
 * The others who have the document open that this viewer may know of: someone whose layer
 * the viewer may see (in blind mode a coder sees nobody else; a lead sees everyone), each
 * once, never the viewer themselves.
 */
export function presenceForViewer(viewer: LayerViewer, present: Iterable<{ id: number; name: string; role: Role }>): PresenceList {
  const users = new Map<number, { id: number; name: string }>();
  for (const u of present) {
    if (u.id === viewer.userId || users.has(u.id)) continue;
    if (mayViewLayer(viewer, presenceLayer(u))) users.set(u.id, { id: u.id, name: u.name });
  }
  return { users: [...users.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id) };
}
