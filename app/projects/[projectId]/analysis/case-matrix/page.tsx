import { caseMatrixFor } from '@/db/queries/analysis';
import { toSearchParams, type AnalysisParams } from '@/lib/analysis/params';
import { resolveFilter } from '@/lib/analysis/resolve';
import { AnalysisControls } from '@/components/analysis/AnalysisControls';
import { CaseMatrixTable } from '@/components/analysis/CaseMatrixTable';
import { analysisRequest, orParamError, type SearchParams } from '@/server/edge/analysis-page';

/** The case matrix: how often each participant was coded with each code. */
export default async function CaseMatrixPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const r = await analysisRequest(projectId, await searchParams);
  const { t } = r;
  const result = r.error
    ? { value: null, error: r.error }
    : await orParamError(async () => {
        const filter = resolveFilter(r.params, r.ctx, r.viewer, 'table');
        return { filter, matrix: await caseMatrixFor(r.db, r.project.id, filter, r.params.rollup) };
      });
  const v = result.value;
  const api = `/api/v1/projects/${r.project.id}/case-matrix`;
  const download = (format: 'csv' | 'xlsx' | 'sav', more: Partial<AnalysisParams> = {}) => `${api}?${toSearchParams({ ...r.params, layer: v?.filter.layer ?? null, format, ...more })}`;
  return (
    <section className="page wide">
      <AnalysisControls kind="caseMatrix" params={r.params} options={r.options} layer={r.currentLayer} setsHref={r.role === 'lead' ? `/projects/${r.project.id}/sets` : undefined} />
      {result.error != null && (
        <p role="alert" className="error">
          {t('analysis.error', { message: result.error })}
        </p>
      )}
      {v && (
        <CaseMatrixTable
          projectId={r.project.id}
          matrix={v.matrix}
          params={{ ...r.params, layer: v.filter.layer }}
          layerLabel={r.layerLabel(v.filter.layer)}
          downloads={{
            csv: download('csv'),
            xlsx: download('xlsx'),
            sav: download('sav'),
            more: [
              { key: 'analysis.download.long', href: download('csv', { shape: 'long' }) },
              { key: 'analysis.download.presence', href: download('csv', { values: 'presence' }) },
              { key: 'analysis.download.semicolon', href: download('csv', { sep: 'semicolon' }) },
            ],
          }}
        />
      )}
    </section>
  );
}
