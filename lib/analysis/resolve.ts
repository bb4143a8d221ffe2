/**
 * Parameters checked against the project: attribute names, code, document and participant
 * ids, and the layer — which must exist (else 400, naming it) and which the viewer must be
 * allowed to see (else 403). Visibility is decided by lib/access/layers, the one rule.
 */
import { mayViewLayer, type LayerRef, type LayerViewer } from '../access/layers';
import { AnalysisParamError, type AnalysisParams, type ColumnsParam, type LayerParam } from './params';
import type { AnalysisFilter, AnalysisLayer, AttributeInfo, CodeInfo, ColumnSource } from './types';

export interface AnalysisContext {
  attributes: AttributeInfo[];
  codes: CodeInfo[];
  /** In display order. */
  documents: Array<{ id: number; title: string }>;
  /** Everyone with a coder layer: members who code, and anyone whose layer has codings. */
  coders: Array<{ id: number; name: string }>;
  participantExists: (id: number) => boolean;
  /** The project's code, document and participant sets with their member ids. */
  sets?: Array<{ id: number; kind: 'code' | 'document' | 'participant'; name: string; memberIds: number[] }>;
}

const bad = (message: string) => new AnalysisParamError(400, message);

/**
 * The attribute a name refers to: an exact name, or `document:<name>` / `participant:<name>`.
 * Throws 400 for an unknown name, or one that both scopes use without saying which.
 */
export function resolveAttribute(ctx: AnalysisContext, name: string, param: string): AttributeInfo {
  const exact = ctx.attributes.filter((a) => a.name === name);
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) throw bad(`Parameter '${param}': '${name}' is both a document and a participant attribute; write document:${name} or participant:${name}`);
  const m = /^(document|participant):(.+)$/.exec(name);
  const scoped = m ? ctx.attributes.find((a) => a.scope === m[1] && a.name === m[2]) : undefined;
  if (scoped) return scoped;
  throw bad(`Parameter '${param}': unknown attribute '${name}'`);
}

/** The columns when none are asked for: the document attribute "city", else the documents. */
export function defaultColumns(ctx: AnalysisContext): ColumnsParam {
  const city = ctx.attributes.find((a) => a.scope === 'document' && a.name === 'city');
  return city ? { kind: 'attribute', name: city.name } : { kind: 'documents' };
}

/** The columns and the split the parameters ask for (the default columns when none); 400 for an unknown attribute or a split by the columns themselves. */
export function resolveColumns(p: Pick<AnalysisParams, 'cols' | 'split'>, ctx: AnalysisContext): { columns: ColumnSource; split: ColumnSource | null } {
  const cols = p.cols ?? defaultColumns(ctx);
  const columns: ColumnSource = cols.kind === 'documents' ? cols : { kind: 'attribute', attribute: resolveAttribute(ctx, cols.name, 'cols') };
  const split: ColumnSource | null = p.split ? { kind: 'attribute', attribute: resolveAttribute(ctx, p.split.name, 'split') } : null;
  if (split && columns.kind === 'attribute' && split.attribute.id === columns.attribute.id) {
    throw bad(`Parameter 'split': '${p.split!.name}' is already the columns`);
  }
  return { columns, split };
}

/** The viewer's natural layer: a coder's own, else the consensus. */
export function defaultLayer(viewer: LayerViewer): LayerParam {
  return viewer.role === 'coder' ? { kind: 'coder', coderId: viewer.userId } : { kind: 'consensus' };
}

/** The coder layers the union reads (or the one layer) as layer references. */
export function layerRefs(layer: AnalysisLayer, ctx: AnalysisContext): LayerRef[] {
  return layer.kind === 'union' ? ctx.coders.map((c) => ({ kind: 'coder' as const, coderId: c.id })) : [layer];
}

/** The layer asked for (or the viewer's natural one): 403 when the viewer may not see it, 400 when no such coder layer exists. */
export function resolveLayer(raw: LayerParam | null, ctx: AnalysisContext, viewer: LayerViewer): AnalysisLayer {
  const layer = raw ?? defaultLayer(viewer);
  if (layer.kind === 'coder') {
    if (!mayViewLayer(viewer, layer)) throw new AnalysisParamError(403, `You may not see the layer coder:${layer.coderId}`);
    if (!ctx.coders.some((c) => c.id === layer.coderId)) throw bad(`Parameter 'layer': unknown layer 'coder:${layer.coderId}'`);
  } else if (layer.kind === 'consensus') {
    if (!mayViewLayer(viewer, layer)) throw new AnalysisParamError(403, 'You may not see the consensus layer');
  } else if (!layerRefs(layer, ctx).every((l) => mayViewLayer(viewer, l))) {
    throw new AnalysisParamError(403, "You may not see every coder's layer, so not their union");
  }
  return layer;
}

function resolveCode(ctx: AnalysisContext, id: number | null, param: string): number | null {
  if (id != null && !ctx.codes.some((c) => c.id === id)) throw bad(`Parameter '${param}': unknown code ${id}`);
  return id;
}

/**
 * The filter the parameters describe. For tables (`for: 'table'`) the codes are the subtree
 * of `subtree`; for excerpts, `code` with its descendants when `rollup` is set.
 */
export function resolveFilter(p: AnalysisParams<string>, ctx: AnalysisContext, viewer: LayerViewer, use: 'table' | 'excerpts'): AnalysisFilter {
  const layer = resolveLayer(p.layer, ctx, viewer);
  for (const d of p.documents ?? []) {
    if (!ctx.documents.some((x) => x.id === d)) throw bad(`Parameter 'doc': unknown document ${d}`);
  }
  if (p.participant != null && !ctx.participantExists(p.participant)) throw bad(`Parameter 'participant': unknown participant ${p.participant}`);
  const attributes = p.attributes.map((a) => ({ attribute: resolveAttribute(ctx, a.name, `attr.${a.name}`), values: a.values }));
  const codeId = use === 'table' ? resolveCode(ctx, p.subtree, 'subtree') : resolveCode(ctx, p.code, 'code');
  const filter: AnalysisFilter = {
    layer,
    codeId,
    descendants: use === 'table' ? true : p.rollup,
    documentIds: p.documents,
    attributes,
    participantId: p.participant,
  };
  if (!p.sets?.length) return filter;
  // Sets: the union of the chosen sets of each kind, intersected with the other restrictions.
  const members = { code: null as Set<number> | null, document: null as Set<number> | null, participant: null as Set<number> | null };
  for (const id of p.sets) {
    const set = ctx.sets?.find((s) => s.id === id);
    if (!set) throw bad(`Parameter 'set': unknown set ${id}`);
    (filter.sets ??= []).push({ kind: set.kind, name: set.name });
    const into = (members[set.kind] ??= new Set<number>());
    for (const m of set.memberIds) into.add(m);
  }
  if (members.code) filter.codeIds = [...members.code];
  if (members.participant) filter.participantIds = [...members.participant];
  if (members.document) {
    const docs = members.document;
    filter.documentIds = filter.documentIds ? filter.documentIds.filter((d) => docs.has(d)) : [...docs];
  }
  return filter;
}

/** How to write an attribute in a URL: its name, or `scope:name` when both scopes use the name. */
export function attributeRef(attribute: AttributeInfo, ctx: AnalysisContext): string {
  const shared = ctx.attributes.filter((a) => a.name === attribute.name).length > 1;
  return shared ? `${attribute.scope}:${attribute.name}` : attribute.name;
}
