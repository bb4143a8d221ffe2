/**
 * What every analysis page starts with: the project and the viewer's role (404 when they may
 * not read it), the parsed parameters, the project context, the layer choices the viewer may
 * see and the options of the controls. Bad parameters are not thrown: the page shows the
 * message (naming the parameter) next to the controls.
 */
import { requireProject } from '@/server/edge/session';
import { getLocale, getT } from '@/server/edge/i18n';
import { analysisContext, analysisModel } from '@/db/queries/analysis';
import { coderKey, layerKey, type LayerViewer, mayViewLayer } from '@/lib/access/layers';
import { codeRows } from '@/lib/analysis/code-rows';
import { attributeOptions, type ControlOptions } from '@/lib/analysis/options';
import { AnalysisParamError, DEFAULT_PARAMS, fromRecord, parseAnalysisParams, type AnalysisParams } from '@/lib/analysis/params';
import { attributeRef, defaultLayer, layerRefs } from '@/lib/analysis/resolve';
import type { AnalysisLayer } from '@/lib/analysis/types';

export type SearchParams = Record<string, string | string[] | undefined>;

export async function analysisRequest(rawProjectId: string, searchParams: SearchParams) {
  const { project, db, user, role } = await requireProject(rawProjectId);
  const t = await getT();
  const locale = await getLocale();
  const viewer: LayerViewer = { role, userId: user.id, blindMode: project.blindMode };
  const ctx = await analysisContext(db, project.id);
  let params: AnalysisParams = DEFAULT_PARAMS;
  let error: string | null = null;
  try {
    params = parseAnalysisParams(fromRecord(searchParams));
  } catch (e) {
    if (!(e instanceof AnalysisParamError)) throw e;
    error = e.message;
  }

  const coderLayers = ctx.coders.filter((c) => mayViewLayer(viewer, { kind: 'coder', coderId: c.id }));
  const unionVisible = ctx.coders.length > 1 && layerRefs({ kind: 'union' }, ctx).every((l) => mayViewLayer(viewer, l));
  const layers = [
    ...(mayViewLayer(viewer, { kind: 'consensus' }) ? [{ value: 'consensus', label: t('analysis.layer.consensus') }] : []),
    ...coderLayers.map((c) => ({ value: coderKey(c.id), label: t('analysis.layer.coder', { name: c.name }) })),
    ...(unionVisible ? [{ value: 'union', label: t('analysis.layer.union') }] : []),
  ];
  /** The layer as the page names it ("Consensus", "Coder: Aigerim", the union with its rule). */
  const layerLabel = (layer: AnalysisLayer) => {
    if (layer.kind === 'union') return `${t('analysis.layer.union')} — ${t('analysis.counting.union')}`;
    return layers.find((l) => l.value === layerKey(layer))?.label ?? layerKey(layer);
  };
  const model = await analysisModel(db, project.id);
  const options: ControlOptions = {
    attributes: attributeOptions(model, (a) => attributeRef(a, ctx)),
    codes: codeRows(model.codes, null).rows.map((r) => ({ id: r.code.id, name: r.code.name, path: r.path, depth: r.depth })),
    documents: ctx.documents,
    layers,
    sets: (ctx.sets ?? []).map((x) => ({ id: x.id, kind: x.kind, name: x.name, size: x.memberIds.length })),
  };
  return {
    project,
    db,
    t,
    locale,
    viewer,
    ctx,
    params,
    error,
    options,
    layerLabel,
    role,
    currentLayer: layerKey(params.layer ?? defaultLayer(viewer)),
  };
}

/** Runs `f`; a bad parameter becomes its message, anything else is thrown on. */
export async function orParamError<T>(f: () => T | Promise<T>): Promise<{ value: T; error: null } | { value: null; error: string }> {
  try {
    return { value: await f(), error: null };
  } catch (e) {
    if (e instanceof AnalysisParamError) return { value: null, error: e.message };
    throw e;
  }
}
