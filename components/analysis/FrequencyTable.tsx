'use client';
import Link from 'next/link';
import type { FrequencyCell, FrequencyRow, FrequencyTable as Table } from '@/lib/analysis/frequencies';
import { formatMeasure } from '@/lib/analysis/format';
import { heatColor, heatShare, heatTextColor } from '@/lib/analysis/heat';
import { cellExcerptParams, excerptsHref, type CellColumns } from '@/lib/analysis/links';
import type { AnalysisParams } from '@/lib/analysis/params';
import type { Measure } from '@/lib/analysis/types';
import { useI18n } from '../I18nProvider';
import { useValueLabel } from './labels';

/** The frequency table: the code tree down the side (collapsible), columns with their denominators, every cell a link to its excerpts. */
export function FrequencyTable({
  projectId,
  table,
  rows,
  measure,
  params,
  cellColumns,
  shading,
  collapsed,
  onToggle,
}: {
  projectId: number;
  table: Table;
  /** The rows to show (children of collapsed rows left out). */
  rows: FrequencyRow[];
  measure: Measure;
  params: AnalysisParams;
  cellColumns: CellColumns;
  shading: boolean;
  collapsed: ReadonlySet<number>;
  onToggle: (codeId: number) => void;
}) {
  const { t, locale } = useI18n();
  const valueLabel = useValueLabel();
  const split = table.columns.some((c) => c.inner != null);
  const groups: Array<{ label: string; span: number }> = [];
  for (const c of table.columns) {
    const last = groups[groups.length - 1];
    if (last && last.label === c.outerLabel) last.span++;
    else groups.push({ label: c.outerLabel, span: 1 });
  }
  const columnName = (c: Table['columns'][number]) => (c.innerLabel == null ? valueLabel(c.outerLabel) : `${valueLabel(c.outerLabel)} / ${valueLabel(c.innerLabel)}`);
  const max = Math.max(0, ...table.rows.flatMap((r) => r.cells.map((c) => c[measure] ?? 0)));

  const cell = (value: FrequencyCell, row: FrequencyRow | null, column: Table['columns'][number] | null, key: string | number, heat: boolean) => {
    const v = value[measure];
    const share = heat && shading ? heatShare(v, max) : 0;
    const style = heat && shading ? { background: heatColor(share), color: heatTextColor(share) } : undefined;
    const href = excerptsHref(projectId, cellExcerptParams(params, cellColumns, row ? { codeId: row.codeId, rolledUp: row.rolledUp } : null, column));
    const label = t('analysis.openCell', { code: row?.name ?? t('analysis.allCodes'), column: column ? columnName(column) : t('analysis.total') });
    return (
      <td key={key} className={`num${v === 0 ? ' zero' : ''}`} style={style}>
        {v == null ? (
          <span className="muted">—</span>
        ) : (
          <Link prefetch={false} href={href} title={label} aria-label={`${label}: ${formatMeasure(v, measure, locale)}`}>
            {formatMeasure(v, measure, locale)}
          </Link>
        )}
      </td>
    );
  };

  return (
    <div className="table-scroll">
      <table className="grid frequency-table" data-testid="frequency-table">
        <thead>
          <tr>
            <th rowSpan={split ? 3 : 2}>{t('analysis.code')}</th>
            {split
              ? groups.map((g, i) => (
                  <th key={i} colSpan={g.span} className="group">
                    {valueLabel(g.label)}
                  </th>
                ))
              : table.columns.map((c, i) => (
                  <th key={i} className="num" scope="col">
                    {valueLabel(c.outerLabel)}
                  </th>
                ))}
            <th rowSpan={split ? 2 : 1} className="num total" scope="col">
              {t('analysis.total')}
            </th>
          </tr>
          {split && (
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} className="num" scope="col">
                  {valueLabel(c.innerLabel ?? '')}
                </th>
              ))}
            </tr>
          )}
          <tr className="denominators">
            {[...table.columns.map((c) => ({ n: c.participants, w: c.words })), { n: table.total.participants, w: table.total.words }].map((d, i) => (
              <th key={i} className="num">
                {t('analysis.denominator', { n: d.n })}
                {measure === 'per1000' && (
                  <>
                    <br />
                    {t('analysis.words', { n: d.w })}
                  </>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.codeId} data-code={r.name}>
              <th scope="row" className="code-cell" style={{ paddingLeft: `${0.6 + r.depth * 1.1}rem` }}>
                {r.hasChildren ? (
                  <button
                    type="button"
                    className="tree-toggle"
                    aria-expanded={!collapsed.has(r.codeId)}
                    aria-label={t(collapsed.has(r.codeId) ? 'analysis.expand' : 'analysis.collapse', { code: r.name })}
                    onClick={() => onToggle(r.codeId)}
                  >
                    {collapsed.has(r.codeId) ? '▸' : '▾'}
                  </button>
                ) : (
                  <span className="tree-toggle-space" />
                )}
                <span className="swatch" style={{ background: r.color }} /> <span className={r.archived ? 'archived' : undefined}>{r.name}</span>
                {r.rolledUp && <span className="muted"> {t('analysis.rolledUp')}</span>}
              </th>
              {r.cells.map((c, i) => cell(c, r, table.columns[i], i, true))}
              {cell(r.total, r, null, 'total', false)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('analysis.allCodes')}</th>
            {table.allCodes.cells.map((c, i) => cell(c, null, table.columns[i], i, false))}
            {cell(table.allCodes.total, null, null, 'total', false)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
