'use client';
import { useMemo, useRef, useState } from 'react';
import { DownloadLinks, type TableDownloads } from './DownloadLinks';
import type { FrequencyRow, FrequencyTable as Table } from '@/lib/analysis/frequencies';
import type { CellColumns } from '@/lib/analysis/links';
import type { AnalysisParams } from '@/lib/analysis/params';
import type { Measure } from '@/lib/analysis/types';
import { useI18n } from '../I18nProvider';
import { downloadPng, downloadSvg } from './download';
import { BarChart, HeatMap, type ChartData } from './FrequencyChart';
import { FrequencyTable } from './FrequencyTable';
import { useValueLabel } from './labels';

type View = 'table' | 'bars' | 'heatmap';
const CHART_ROWS = 60;

/** Rows whose ancestors are all expanded. */
function visibleRows(rows: FrequencyRow[], collapsed: ReadonlySet<number>): FrequencyRow[] {
  const hidden = new Set<number>();
  return rows.filter((r) => {
    if (r.parentCodeId != null && (hidden.has(r.parentCodeId) || collapsed.has(r.parentCodeId))) {
      hidden.add(r.codeId);
      return false;
    }
    return true;
  });
}

/** The frequency table and its charts, with the view switch, heat shading, tree folding and downloads. */
export function FrequencyView({
  projectId,
  table,
  measure,
  params,
  cellColumns,
  layerLabel,
  columnsTitle,
  downloads,
  fileStem,
}: {
  projectId: number;
  table: Table;
  measure: Measure;
  params: AnalysisParams;
  cellColumns: CellColumns;
  layerLabel: string;
  columnsTitle: string;
  downloads: TableDownloads;
  fileStem: string;
}) {
  const { t, locale } = useI18n();
  const valueLabel = useValueLabel();
  const [view, setView] = useState<View>('table');
  const [shading, setShading] = useState(true);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const chart = useRef<SVGSVGElement>(null);
  const rows = useMemo(() => visibleRows(table.rows, collapsed), [table.rows, collapsed]);
  const parents = table.rows.filter((r) => r.hasChildren).map((r) => r.codeId);
  const toggle = (id: number) => setCollapsed((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));

  const data: ChartData = {
    rows: rows.slice(0, CHART_ROWS).map((r) => (r.rolledUp ? `${r.name} ${t('analysis.rolledUp')}` : r.name)),
    columns: table.columns.map((c) => (c.innerLabel == null ? valueLabel(c.outerLabel) : `${valueLabel(c.outerLabel)} / ${valueLabel(c.innerLabel)}`)),
    values: rows.slice(0, CHART_ROWS).map((r) => r.cells.map((c) => c[measure])),
    measure,
    measureLabel: t(`analysis.measure.${measure}`),
    title: t('analysis.chart.title', { measure: t(`analysis.measure.${measure}`), columns: columnsTitle }),
    layerLine: t('analysis.chart.layer', { layer: layerLabel }),
    columnsTitle,
    rowsTitle: t('analysis.chart.codeAxis'),
    locale,
  };

  return (
    <div className="frequency-view">
      <p className="layer-line" data-testid="layer-line">
        {t('analysis.counting', { layer: layerLabel })}
      </p>
      <div className="view-toolbar">
        <div role="radiogroup" aria-label={t('analysis.view')} className="segmented">
          {(['table', 'bars', 'heatmap'] as const).map((v) => (
            <label key={v} className={view === v ? 'on' : undefined}>
              <input type="radio" name="view" value={v} checked={view === v} onChange={() => setView(v)} />
              {t(`analysis.view.${v}`)}
            </label>
          ))}
        </div>
        {view === 'table' && (
          <label>
            <input type="checkbox" checked={shading} onChange={(e) => setShading(e.target.checked)} /> {t('analysis.shading')}
          </label>
        )}
        {parents.length > 0 && (
          <>
            <button type="button" className="link-button" onClick={() => setCollapsed(new Set())}>
              {t('analysis.expandAll')}
            </button>
            <button type="button" className="link-button" onClick={() => setCollapsed(new Set(parents))}>
              {t('analysis.collapseAll')}
            </button>
          </>
        )}
        <DownloadLinks downloads={downloads}>
          {view !== 'table' && (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => chart.current && downloadSvg(chart.current, `${fileStem}.svg`)}>
                {t('analysis.download.svg')}
              </button>{' '}
              <button type="button" className="link-button" onClick={() => chart.current && void downloadPng(chart.current, `${fileStem}.png`)}>
                {t('analysis.download.png')}
              </button>
            </>
          )}
        </DownloadLinks>
      </div>
      {view === 'table' ? (
        <FrequencyTable
          projectId={projectId}
          table={table}
          rows={rows}
          measure={measure}
          params={params}
          cellColumns={cellColumns}
          shading={shading}
          collapsed={collapsed}
          onToggle={toggle}
        />
      ) : (
        <div className="chart-scroll" data-testid="frequency-chart">
          {rows.length > CHART_ROWS && <p className="muted">{t('analysis.chart.many', { n: CHART_ROWS })}</p>}
          {view === 'bars' ? <BarChart ref={chart} data={data} /> : <HeatMap ref={chart} data={data} />}
        </div>
      )}
      <ul className="measure-help muted">
        <li>{t(`analysis.help.${measure}`)}</li>
        <li>{t('analysis.help.totals')}</li>
      </ul>
    </div>
  );
}
