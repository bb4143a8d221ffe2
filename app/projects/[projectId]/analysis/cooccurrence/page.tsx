import { cooccurrenceFor } from '@/db/queries/analysis';
import { toSearchParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { AnalysisControls } from '@/components/analysis/AnalysisControls';
import { CooccurrenceMatrix } from '@/components/analysis/CooccurrenceMatrix';
import { analysisRequest, orParamError, type SearchParams } from '@/server/edge/analysis-page';

/** Which codes are applied to the same passages (overlapping codings, or the same turn). */
export default async function CooccurrencePage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const r = await analysisRequest(projectId, await searchParams);
  const { t } = r;
  const result = r.error
    ? { value: null, error: r.error }
    : await orParamError(async () => {
        const filter = resolveFilter(r.params, r.ctx, r.viewer, 'table');
        return { filter, matrix: await cooccurrenceFor(r.db, r.project.id, filter, r.params.mode) };
      });
  const v = result.value;
  const api = `/api/v1/projects/${r.project.id}/cooccurrence`;
  const download = (format: 'csv' | 'xlsx') => `${api}?${toSearchParams({ ...r.params, layer: v?.filter.layer ?? null, format })}`;
  return (
    <section className="page wide">
      <AnalysisControls kind="cooccurrence" params={r.params} options={r.options} layer={r.currentLayer} setsHref={r.role === 'lead' ? `/projects/${r.project.id}/sets` : undefined} />
      {result.error != null && (
        <p role="alert" className="error">
          {t('analysis.error', { message: result.error })}
        </p>
      )}
      {v && v.matrix.codes.every((c) => c.n === 0) && (
        <p className="empty" role="status">
          {t('analysis.empty')}
        </p>
      )}
      {v && (
        <CooccurrenceMatrix
          projectId={r.project.id}
          matrix={v.matrix}
          params={{ ...r.params, layer: v.filter.layer }}
          layerLabel={r.layerLabel(v.filter.layer)}
          downloads={{ csv: download('csv'), xlsx: download('xlsx') }}
        />
      )}
    </section>
  );
}
