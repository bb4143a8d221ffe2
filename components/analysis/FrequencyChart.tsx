'use client';
import { forwardRef } from 'react';
import { formatMeasure } from '@/lib/analysis/format';
import { heatColor, heatShare, heatTextColor } from '@/lib/analysis/heat';
import { niceTicks } from '@/lib/analysis/ticks';
import type { Measure } from '@/lib/analysis/types';

/** Tableau 10: distinguishable, and printable in colour. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const FONT = "'Noto Sans', 'DejaVu Sans', Arial, sans-serif";
const WIDTH = 960;
const LEFT = 250;
const RIGHT = 24;

export interface ChartData {
  /** Row labels (codes), in order. */
  rows: string[];
  /** Column labels (leaf columns), in order. */
  columns: string[];
  /** values[row][column]; null where the measure has no denominator. */
  values: Array<Array<number | null>>;
  measure: Measure;
  /** The measure's name (x-axis title, legend). */
  measureLabel: string;
  title: string;
  /** "Layer: …" — every chart says which layer it counts. */
  layerLine: string;
  /** What the columns are ("city", "gender × city"). */
  columnsTitle: string;
  /** The y-axis title. */
  rowsTitle: string;
  locale: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function Header({ d }: { d: ChartData }) {
  return (
    <>
      <text x={16} y={24} fontSize={16} fontWeight={700}>
        {d.title}
      </text>
      <text x={16} y={44} fontSize={12} fill="#5d6677">
        {d.layerLine}
      </text>
    </>
  );
}

/** Grouped horizontal bars: a group per code, a bar per column, a legend of the columns. */
export const BarChart = forwardRef<SVGSVGElement, { data: ChartData }>(function BarChart({ data: d }, ref) {
  const n = Math.max(1, d.columns.length);
  const bar = Math.max(3, Math.min(14, Math.floor(120 / n)));
  const group = n * bar + 10;
  const perLine = Math.max(1, Math.floor((WIDTH - 32) / 170));
  const legendTop = 60;
  const legendHeight = Math.ceil(d.columns.length / perLine) * 18 + 26;
  const top = legendTop + legendHeight;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const height = top + d.rows.length * group + 56;
  const max = Math.max(0, ...d.values.flat().map((v) => v ?? 0));
  const ticks = niceTicks(max);
  const scale = (v: number) => (v / ticks[ticks.length - 1]) * plotWidth;
  return (
    <svg ref={ref} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} fontFamily={FONT} role="img" aria-label={`${d.title}. ${d.layerLine}`} className="chart">
      <rect width={WIDTH} height={height} fill="#ffffff" />
      <Header d={d} />
      <text x={16} y={legendTop + 12} fontSize={12} fontWeight={600}>
        {d.columnsTitle}
      </text>
      {d.columns.map((c, i) => (
        <g key={i} transform={`translate(${16 + (i % perLine) * 170}, ${legendTop + 20 + Math.floor(i / perLine) * 18})`}>
          <rect width={11} height={11} fill={PALETTE[i % PALETTE.length]} />
          <text x={16} y={10} fontSize={11}>
            {clip(c, 24)}
          </text>
        </g>
      ))}
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={LEFT + scale(tick)} x2={LEFT + scale(tick)} y1={top - 4} y2={top + d.rows.length * group} stroke="#e3e6eb" />
          <text x={LEFT + scale(tick)} y={top + d.rows.length * group + 16} fontSize={11} textAnchor="middle" fill="#5d6677">
            {new Intl.NumberFormat(d.locale, { maximumFractionDigits: 2 }).format(tick)}
          </text>
        </g>
      ))}
      {d.rows.map((row, r) => (
        <g key={r} transform={`translate(0, ${top + r * group})`}>
          <text x={LEFT - 8} y={(n * bar) / 2 + 4} fontSize={11} textAnchor="end">
            {clip(row, 38)}
          </text>
          {d.columns.map((c, i) => {
            const v = d.values[r][i];
            return v == null ? null : (
              <rect key={i} x={LEFT} y={i * bar} width={Math.max(0, scale(v))} height={bar - 1} fill={PALETTE[i % PALETTE.length]}>
                <title>{`${row} — ${c}: ${formatMeasure(v, d.measure, d.locale)}`}</title>
              </rect>
            );
          })}
        </g>
      ))}
      <line x1={LEFT} x2={LEFT} y1={top - 4} y2={top + d.rows.length * group} stroke="#1d2330" />
      <text x={LEFT + plotWidth / 2} y={height - 12} fontSize={12} textAnchor="middle" fontWeight={600}>
        {d.measureLabel}
      </text>
      <text transform={`translate(14, ${top + (d.rows.length * group) / 2}) rotate(-90)`} fontSize={12} textAnchor="middle" fontWeight={600}>
        {d.rowsTitle}
      </text>
    </svg>
  );
});

/** A heat map: codes × columns, each cell coloured by its share of the largest value, with a colour legend. */
export const HeatMap = forwardRef<SVGSVGElement, { data: ChartData }>(function HeatMap({ data: d }, ref) {
  const n = Math.max(1, d.columns.length);
  const cell = Math.max(30, Math.min(80, Math.floor((WIDTH - LEFT - RIGHT) / n)));
  const width = Math.max(WIDTH, LEFT + n * cell + RIGHT);
  const rowHeight = 20;
  const labelsTop = 78;
  const top = labelsTop + 110;
  const height = top + d.rows.length * rowHeight + 70;
  const max = Math.max(0, ...d.values.flat().map((v) => v ?? 0));
  const legendWidth = 240;
  return (
    <svg ref={ref} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} fontFamily={FONT} role="img" aria-label={`${d.title}. ${d.layerLine}`} className="chart">
      <rect width={width} height={height} fill="#ffffff" />
      <Header d={d} />
      <text x={LEFT + (n * cell) / 2} y={labelsTop - 8} fontSize={12} textAnchor="middle" fontWeight={600}>
        {d.columnsTitle}
      </text>
      {d.columns.map((c, i) => (
        <text key={i} transform={`translate(${LEFT + i * cell + cell / 2 + 4}, ${top - 6}) rotate(-50)`} fontSize={11}>
          {clip(c, 22)}
        </text>
      ))}
      {d.rows.map((row, r) => (
        <g key={r} transform={`translate(0, ${top + r * rowHeight})`}>
          <text x={LEFT - 8} y={rowHeight / 2 + 4} fontSize={11} textAnchor="end">
            {clip(row, 38)}
          </text>
          {d.columns.map((c, i) => {
            const v = d.values[r][i];
            const share = heatShare(v, max);
            return (
              <g key={i}>
                <rect x={LEFT + i * cell} width={cell - 1} height={rowHeight - 1} fill={v == null ? '#eceef2' : heatColor(share)}>
                  <title>{`${row} — ${c}: ${formatMeasure(v, d.measure, d.locale)}`}</title>
                </rect>
                {cell >= 34 && (
                  <text x={LEFT + i * cell + cell / 2} y={rowHeight / 2 + 4} fontSize={10} textAnchor="middle" fill={heatTextColor(share)}>
                    {formatMeasure(v, d.measure, d.locale).replace(' %', '')}
                  </text>
                )}
              </g>
            );
          })}
        </g>
      ))}
      <text transform={`translate(14, ${top + (d.rows.length * rowHeight) / 2}) rotate(-90)`} fontSize={12} textAnchor="middle" fontWeight={600}>
        {d.rowsTitle}
      </text>
      <defs>
        <linearGradient id="heat-legend">
          {[0, 0.25, 0.5, 0.75, 1].map((s) => (
            <stop key={s} offset={`${s * 100}%`} stopColor={heatColor(s)} />
          ))}
        </linearGradient>
      </defs>
      <g transform={`translate(${LEFT}, ${height - 50})`}>
        <text y={-6} fontSize={12} fontWeight={600}>
          {d.measureLabel}
        </text>
        <rect width={legendWidth} height={12} fill="url(#heat-legend)" stroke="#d9dde5" />
        <text y={28} fontSize={11}>
          {formatMeasure(0, d.measure, d.locale)}
        </text>
        <text x={legendWidth} y={28} fontSize={11} textAnchor="end">
          {formatMeasure(max, d.measure, d.locale)}
        </text>
      </g>
    </svg>
  );
});
