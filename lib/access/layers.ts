/**
 * Who may see which coding layer: the one rule, in one place.
 * - a lead sees every layer;
 * - a viewer sees the consensus layer;
 * - a coder sees their own layer, and, when the project is not in blind mode, every
 *   other coder's layer and the consensus layer.
 */
export const ROLES = ['lead', 'coder', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface LayerViewer {
  role: Role;
  userId: number;
  blindMode: boolean;
}

export type LayerRef = { kind: 'consensus' } | { kind: 'coder'; coderId: number };
/** A layer, or the union of every coder's layer (which analysis offers). */
export type LayerOrUnion = LayerRef | { kind: 'union' };

/**
 * The one written form of a layer, in URLs, count keys and caches: 'consensus', 'union' or
 * 'coder:<id>'.
 */
export function layerKey(layer: LayerOrUnion): string {
  return layer.kind === 'coder' ? coderKey(layer.coderId) : layer.kind;
}

export function coderKey(coderId: number): string {
  return `coder:${coderId}`;
}

/** The layer a key names ('consensus' or 'coder:<id>'), or null. */
export function parseLayer(key: string): LayerRef | null {
  if (key === 'consensus') return { kind: 'consensus' };
  const m = /^coder:([1-9][0-9]{0,14})$/.exec(key);
  return m ? { kind: 'coder', coderId: Number(m[1]) } : null;
}

/** A comma-separated list of layer keys (the `layers` URL parameter); unknown parts are reported, not ignored. */
export function parseLayerList(raw: string): { layers: LayerRef[]; unknown: string[] } {
  const layers: LayerRef[] = [];
  const unknown: string[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const layer = parseLayer(part);
    if (layer) layers.push(layer);
    else unknown.push(part);
  }
  return { layers, unknown };
}

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

/** Says whether the viewer may see the layer a count key names. */
export function visibleCountKeys(viewer: LayerViewer): (key: string) => boolean {
  return (key) => {
    const layer = parseLayer(key);
    return layer != null && mayViewLayer(viewer, layer);
  };
}

export const LAYERS = ['coder', 'consensus'] as const;

export type LayerKind = (typeof LAYERS)[number];
