'use client';
import Link from 'next/link';
import { useState } from 'react';
import type { CooccurrenceMatrix as Matrix } from '@/lib/analysis/cooccurrence';
import { heatColor, heatTextColor } from '@/lib/analysis/heat';
import { DEFAULT_PARAMS, toSearchParams, type AnalysisParams } from '@/lib/analysis/params';
import { excerptsHref } from '@/lib/analysis/links';
import { useI18n } from '../I18nProvider';
import { DownloadLinks, type TableDownloads } from './DownloadLinks';

/**
 * The code × code matrix: counts, or Jaccard indices, shaded by Jaccard. A cell opens the
 * passages where the two codes co-occur; the diagonal opens the code's excerpts. Codes
 * without codings are left out (and counted in a note).
 */
export function CooccurrenceMatrix({ projectId, matrix, params, layerLabel, downloads }: { projectId: number; matrix: Matrix; params: AnalysisParams; layerLabel: string; downloads: TableDownloads }) {
  const { t, locale } = useI18n();
  const [show, setShow] = useState<'count' | 'jaccard'>('count');
  const shown = matrix.codes.map((c, i) => ({ c, i })).filter(({ c }) => c.n > 0);
  const hidden = matrix.codes.length - shown.length;
  const filters = { layer: params.layer, documents: params.documents, attributes: params.attributes, sets: params.sets };
  const passages = (a: number, b: number) => `/projects/${projectId}/analysis/cooccurrence/passages?${toSearchParams({ ...filters, mode: params.mode, pair: [a, b] })}`;
  const jaccard = (v: number | null) => (v == null ? '—' : new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v));
  return (
    <div className="cooccurrence">
      <p className="layer-line">{t('analysis.counting', { layer: layerLabel })}</p>
      <div className="view-toolbar">
        <div role="radiogroup" aria-label={t('analysis.cooc.show')} className="segmented">
          {(['count', 'jaccard'] as const).map((v) => (
            <label key={v} className={show === v ? 'on' : undefined}>
              <input type="radio" name="show" value={v} checked={show === v} onChange={() => setShow(v)} />
              {t(v === 'count' ? 'analysis.cooc.count' : 'analysis.cooc.jaccard')}
            </label>
          ))}
        </div>
        <DownloadLinks downloads={downloads} />
      </div>
      <div className="table-scroll">
        <table className="grid matrix" data-testid="cooccurrence-matrix">
          <thead>
            <tr>
              <th>{t('analysis.code')}</th>
              {shown.map(({ c }) => (
                <th key={c.codeId} className="vertical" title={c.path}>
                  <span>{c.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map(({ c: a, i }) => (
              <tr key={a.codeId}>
                <th scope="row" title={a.path}>
                  <span className="swatch" style={{ background: a.color }} /> {a.path}
                </th>
                {shown.map(({ c: b, i: j }) => {
                  if (i === j) {
                    return (
                      <td key={b.codeId} className="num diagonal">
                        <Link prefetch={false} href={excerptsHref(projectId, { ...DEFAULT_PARAMS, ...filters, code: a.codeId })}>{matrix.counts[i][i]}</Link>
                      </td>
                    );
                  }
                  const share = matrix.jaccard[i][j] ?? 0;
                  const count = matrix.counts[i][j];
                  return (
                    <td key={b.codeId} className="num" style={count > 0 ? { background: heatColor(share), color: heatTextColor(share) } : undefined}>
                      {count === 0 ? <span className="zero">0</span> : <Link prefetch={false} href={passages(a.codeId, b.codeId)} title={`${a.path} × ${b.path}: ${count}, Jaccard ${jaccard(matrix.jaccard[i][j])}`}>{show === 'count' ? count : jaccard(matrix.jaccard[i][j])}</Link>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="measure-help muted">
        <li>{t(matrix.mode === 'overlap' ? 'analysis.cooc.help.overlap' : 'analysis.cooc.help.turn')}</li>
        {hidden > 0 && <li>{t('analysis.cooc.hidden', { n: hidden })}</li>}
      </ul>
    </div>
  );
}
