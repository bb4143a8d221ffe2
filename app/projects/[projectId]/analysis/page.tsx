import { frequenciesFor, layerHasCodings } from '@/db/queries/analysis';
import { toSearchParams, type AnalysisParams } from '@/lib/analysis/params';
import { attributeRef, resolveColumns, resolveFilter } from '@/lib/analysis/resolve';
import type { ColumnSource } from '@/lib/analysis/types';
import { AnalysisControls } from '@/components/analysis/AnalysisControls';
import { FrequencyView } from '@/components/analysis/FrequencyView';
import { analysisRequest, orParamError, type SearchParams } from '@/server/edge/analysis-page';

/** Frequencies: codes × the values of an attribute (or the documents), in the measure and layer the URL asks for. */
export default async function FrequenciesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const r = await analysisRequest(projectId, await searchParams);
  const { t } = r;
  const result = r.error
    ? { value: null, error: r.error }
    : await orParamError(async () => {
        const { columns, split } = resolveColumns(r.params, r.ctx);
        const filter = resolveFilter(r.params, r.ctx, r.viewer, 'table');
        return { columns, split, filter, table: await frequenciesFor(r.db, r.project.id, { filter, columns, split, rollup: r.params.rollup }) };
      });

  const colsParam = (c: ColumnSource) => (c.kind === 'documents' ? ({ kind: 'documents' } as const) : ({ kind: 'attribute', name: attributeRef(c.attribute, r.ctx) } as const));
  const title = (c: ColumnSource) => (c.kind === 'documents' ? t('analysis.columns.documents') : c.attribute.name);
  const v = result.value;
  const cellColumns = v ? { cols: colsParam(v.columns), split: v.split && v.split.kind === 'attribute' ? { kind: 'attribute' as const, name: attributeRef(v.split.attribute, r.ctx) } : null } : null;
  const api = `/api/v1/projects/${r.project.id}/frequencies`;
  const download = (format: 'csv' | 'xlsx', more: Partial<AnalysisParams> = {}) => `${api}?${toSearchParams({ ...r.params, cols: cellColumns?.cols ?? null, layer: v?.filter.layer ?? null, format, ...more })}`;

  return (
    <section className="page wide">
      <AnalysisControls kind="frequencies" params={r.params} options={r.options} layer={r.currentLayer} setsHref={r.role === 'lead' ? `/projects/${r.project.id}/sets` : undefined} cols={cellColumns ? (cellColumns.cols.kind === 'documents' ? 'documents' : `attr:${cellColumns.cols.name}`) : undefined} />
      {result.error != null && (
        <p role="alert" className="error">
          {t('analysis.error', { message: result.error })}
        </p>
      )}
      {v && cellColumns && (
        <>
          {v.table.allCodes.total.segments === 0 && (
            <p className="empty" role="status">
              {await layerHasCodings(r.db, r.project.id, v.filter.layer) ? t('analysis.empty') : t('analysis.emptyLayer')}
            </p>
          )}
          <FrequencyView
            projectId={r.project.id}
            table={v.table}
            measure={r.params.measure}
            params={{ ...r.params, layer: v.filter.layer }}
            cellColumns={cellColumns}
            layerLabel={r.layerLabel(v.filter.layer)}
            columnsTitle={v.split ? `${title(v.columns)} × ${title(v.split)}` : title(v.columns)}
            downloads={{
              csv: download('csv'),
              xlsx: download('xlsx'),
              more: [
                { key: 'analysis.download.long', href: download('csv', { shape: 'long' }) },
                { key: 'analysis.download.semicolon', href: download('csv', { sep: 'semicolon' }) },
              ],
            }}
            fileStem={`frequencies-${r.project.id}`}
          />
        </>
      )}
    </section>
  );
}
