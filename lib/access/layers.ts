/**
 * Who may see which coding layer: the one rule, in one place.
 * - a lead sees every layer;
 * - a viewer sees the consensus layer;
 * - a coder sees their own layer, and, when the project is not in blind mode, every
 *   other coder's layer and the consensus layer.
 */
export type ProjectRole = 'lead' | 'coder' | 'viewer';

export interface LayerViewer {
  role: ProjectRole;
  userId: number;
  blindMode: boolean;
}

export type LayerRef = { kind: 'consensus' } | { kind: 'coder'; coderId: number };

export function mayViewLayer(viewer: LayerViewer, layer: LayerRef): boolean {
  if (viewer.role === 'lead') return true;
  if (viewer.role === 'viewer') return layer.kind === 'consensus';
  if (layer.kind === 'coder' && layer.coderId === viewer.userId) return true;
  return !viewer.blindMode;
}

/** May this viewer write to the layer? Coders write only their own; leads write consensus and their own. */
export function mayEditLayer(viewer: LayerViewer, layer: LayerRef): boolean {
  if (viewer.role === 'viewer') return false;
  if (layer.kind === 'consensus') return viewer.role === 'lead';
  return layer.coderId === viewer.userId;
}

/** Parses a count key ('consensus' | 'coder:<id>') and says whether the viewer may see it. */
export function visibleCountKeys(viewer: LayerViewer): (key: string) => boolean {
  return (key) => {
    if (key === 'consensus') return mayViewLayer(viewer, { kind: 'consensus' });
    const m = /^coder:(\d+)$/.exec(key);
    return m ? mayViewLayer(viewer, { kind: 'coder', coderId: Number(m[1]) }) : false;
  };
}
