'use client';
import Link from 'next/link';
import type { CaseMatrix } from '@/lib/analysis/case-matrix';
import { heatColor, heatShare, heatTextColor } from '@/lib/analysis/heat';
import { DEFAULT_PARAMS, type AnalysisParams } from '@/lib/analysis/params';
import { excerptsHref } from '@/lib/analysis/links';
import { useI18n } from '../I18nProvider';
import { DownloadLinks, type TableDownloads } from './DownloadLinks';

/** Participants × codes with the participants' attributes; a cell opens that participant's codings of the code. */
export function CaseMatrixTable({ projectId, matrix, params, layerLabel, downloads }: { projectId: number; matrix: CaseMatrix; params: AnalysisParams; layerLabel: string; downloads: TableDownloads }) {
  const { t } = useI18n();
  const max = Math.max(0, ...matrix.counts.flat());
  const filters = { layer: params.layer, documents: params.documents, attributes: params.attributes, sets: params.sets };
  return (
    <div className="case-matrix">
      <p className="layer-line">{t('analysis.counting', { layer: layerLabel })}</p>
      <div className="view-toolbar">
        <DownloadLinks downloads={downloads} />
      </div>
      {matrix.participants.length === 0 ? (
        <p className="empty">{t('analysis.case.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="grid matrix" data-testid="case-matrix">
            <thead>
              <tr>
                <th>{t('analysis.case.participant')}</th>
                <th>{t('analysis.case.group')}</th>
                {matrix.attributes.map((a) => (
                  <th key={a}>{a}</th>
                ))}
                {matrix.codes.map((c) => (
                  <th key={c.codeId} className="vertical" title={c.path}>
                    <span>
                      {c.name}
                      {c.rolledUp ? ` ${t('analysis.rolledUp')}` : ''}
                    </span>
                  </th>
                ))}
                <th className="num">{t('analysis.total')}</th>
              </tr>
            </thead>
            <tbody>
              {matrix.participants.map((p, i) => (
                <tr key={p.participantId}>
                  <th scope="row">{p.label}</th>
                  <td>{p.documentTitle}</td>
                  {matrix.attributes.map((a) => (
                    <td key={a}>{p.attributes[a] ?? <span className="muted">{t('analysis.missing')}</span>}</td>
                  ))}
                  {matrix.codes.map((c, j) => {
                    const n = matrix.counts[i][j];
                    const share = heatShare(n, max);
                    return (
                      <td key={c.codeId} className="num" style={n > 0 ? { background: heatColor(share), color: heatTextColor(share) } : undefined}>
                        {n === 0 ? <span className="zero">0</span> : <Link prefetch={false} href={excerptsHref(projectId, { ...DEFAULT_PARAMS, ...filters, code: c.codeId, rollup: c.rolledUp, participant: p.participantId })}>{n}</Link>}
                      </td>
                    );
                  })}
                  <td className="num">
                    <Link prefetch={false} href={excerptsHref(projectId, { ...DEFAULT_PARAMS, ...filters, code: params.subtree, rollup: params.subtree != null, participant: p.participantId })}>{matrix.totals[i]}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="measure-help muted">{t('analysis.case.help')}</p>
    </div>
  );
}
