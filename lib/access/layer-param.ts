/**
 * The `layers` URL parameter of the document view: a comma-separated list of
 * `consensus` and `coder:<id>`. Unknown parts are reported, not ignored.
 */
import type { LayerRef } from './layers';

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

export function parseLayer(part: string): LayerRef | null {
  if (part === 'consensus') return { kind: 'consensus' };
  const m = /^coder:([1-9][0-9]{0,14})$/.exec(part);
  return m ? { kind: 'coder', coderId: Number(m[1]) } : null;
}

export function layerKey(layer: LayerRef): string {
  return layer.kind === 'consensus' ? 'consensus' : `coder:${layer.coderId}`;
}
