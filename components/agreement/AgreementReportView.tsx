/**
 * The agreement report as tables: pooled, Cohen's κ per pair, per code, per document and per
 * pair of coders, each with its number of units; undefined statistics say "no data" and why.
 */
import Link from 'next/link';
import { poolPairs, type AgreementSummary } from '@/lib/agreement/summary';
import type { AgreementSelection } from '@/lib/agreement/selection';
import type { Translate } from '@/lib/i18n';
import { AlphaCell, KappaCell, PercentCell, SegmentCell } from './stats';

export interface ReportNames {
  coder: (id: string) => string;
  code: (id: string) => string;
  document: (id: string | undefined) => string;
}

export function AgreementReportView({
  summary,
  names,
  codeColors,
  selection,
  reviewLink,
  t,
}: {
  summary: AgreementSummary;
  names: ReportNames;
  codeColors: Record<string, string>;
  selection: AgreementSelection;
  /** The review page of a document for the compared coders assigned to it, or null when not compared. */
  reviewLink: (documentId: string) => string | null;
  t: Translate;
}) {
  const { report } = summary;
  const segmentsOf = (s: { segmentsA: number; segmentsB: number; matchedA: number; matchedB: number; share: number }) => ({
    segments: s.segmentsA + s.segmentsB,
    matched: s.matchedA + s.matchedB,
    share: s.share,
  });
  const pooledSegments = segmentsOf(poolPairs(report.segment.pairs));
  const pair = (a: string, b: string) => `${names.coder(a)} — ${names.coder(b)}`;

  return (
    <div className="agreement-report" data-testid="agreement-report">
      <h3>{t('agreement.pooled')}</h3>
      <table className="grid agreement-table" data-testid="agreement-pooled">
        <thead>
          <tr>
            <th>{t('agreement.col.level')}</th>
            <th className="num">{t('agreement.col.units')}</th>
            <th className="num">{t('agreement.col.pa')}</th>
            <th className="num">
              {t('agreement.col.alpha')} {selection.samples > 0 && <span className="muted">[{t('agreement.col.ci')}]</span>}
            </th>
          </tr>
        </thead>
        <tbody>
          {(['turn', 'character'] as const).map((level) => {
            const s = report[level].pooled;
            return (
              <tr key={level}>
                <th scope="row">{t(`agreement.level.${level}`)}</th>
                <td className="num">{s.units.toLocaleString('en-US')}</td>
                <PercentCell value={s.percentAgreement} t={t} />
                <AlphaCell alpha={s.alpha} band={s.band} flag={s.flag} ci={s.ci} t={t} />
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t('agreement.level.segment')}</th>
            <td className="num">{pooledSegments.segments.toLocaleString('en-US')}</td>
            <SegmentCell {...pooledSegments} t={t} />
            <td className="num muted">—</td>
          </tr>
        </tbody>
      </table>

      <h3>{t('agreement.kappa')}</h3>
      <table className="grid agreement-table" data-testid="agreement-kappa">
        <thead>
          <tr>
            <th>{t('agreement.col.pair')}</th>
            <th className="num">{t('agreement.col.units')}</th>
            <th className="num">{t('agreement.col.kappa')}</th>
          </tr>
        </thead>
        <tbody>
          {report.turn.kappa.map((k) => (
            <tr key={`${k.coderA}-${k.coderB}`}>
              <td>{pair(k.coderA, k.coderB)}</td>
              <td className="num">{k.pooled.units.toLocaleString('en-US')}</td>
              <KappaCell value={k.pooled.kappa} t={t} />
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('agreement.byCode')}</h3>
      <table className="grid agreement-table" data-testid="agreement-by-code">
        <thead>
          <tr>
            <th>{t('agreement.col.code')}</th>
            <th className="num">{t('agreement.col.codings')}</th>
            <th className="num">{t('agreement.col.turnUnits')}</th>
            <th className="num">{t('agreement.col.turnPa')}</th>
            <th className="num">{t('agreement.col.turnAlpha')}</th>
            <th className="num">{t('agreement.col.charAlpha')}</th>
            <th className="num">{t('agreement.col.matched')}</th>
          </tr>
        </thead>
        <tbody>
          {report.codes.map((code, i) => {
            const tu = report.turn.byCode[i];
            const ch = report.character.byCode[i];
            return (
              <tr key={code} data-code={code}>
                <td>
                  <span className="swatch" style={{ background: codeColors[code] ?? '#888888' }} /> {names.code(code)}
                </td>
                <td className="num">{summary.codings[i]}</td>
                <td className="num">{tu.units.toLocaleString('en-US')}</td>
                <PercentCell value={tu.percentAgreement} flag={tu.flag} t={t} />
                <AlphaCell alpha={tu.alpha} band={tu.band} flag={tu.flag} ci={tu.ci} t={t} />
                <AlphaCell alpha={ch.alpha} band={ch.band} flag={ch.flag} ci={ch.ci} t={t} />
                <SegmentCell {...segmentsOf(summary.segmentByCode[i])} t={t} />
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t('agreement.byDocument')}</h3>
      <table className="grid agreement-table" data-testid="agreement-by-document">
        <thead>
          <tr>
            <th>{t('agreement.col.document')}</th>
            <th className="num">{t('agreement.col.coders')}</th>
            <th className="num">{t('agreement.col.turnUnits')}</th>
            <th className="num">{t('agreement.col.turnPa')}</th>
            <th className="num">{t('agreement.col.turnAlpha')}</th>
            <th className="num">{t('agreement.col.charAlpha')}</th>
            <th className="num">{t('agreement.col.matched')}</th>
            <th>{t('agreement.col.review')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.byDocument.map((d) => {
            const link = d.documentId ? reviewLink(d.documentId) : null;
            return (
              <tr key={d.index} className={d.coders < 2 ? 'not-compared' : undefined}>
                <td>{names.document(d.documentId)}</td>
                <td className="num">{d.coders}</td>
                {d.coders < 2 ? (
                  <td colSpan={5} className="muted">
                    {t('agreement.notCompared')}
                  </td>
                ) : (
                  <>
                    <td className="num">{d.turn.units.toLocaleString('en-US')}</td>
                    <PercentCell value={d.turn.percentAgreement} t={t} />
                    <AlphaCell alpha={d.turn.alpha} band={d.turn.band} flag={d.turn.flag} t={t} />
                    <AlphaCell alpha={d.character.alpha} band={d.character.band} flag={d.character.flag} t={t} />
                    <SegmentCell {...segmentsOf(d.segment)} t={t} />
                  </>
                )}
                <td>{link && <Link href={link}>{t('agreement.review')}</Link>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t('agreement.byPair')}</h3>
      <table className="grid agreement-table" data-testid="agreement-by-pair">
        <thead>
          <tr>
            <th>{t('agreement.col.pair')}</th>
            <th className="num">{t('agreement.col.documents')}</th>
            <th className="num">{t('agreement.col.turnUnits')}</th>
            <th className="num">{t('agreement.col.turnPa')}</th>
            <th className="num">{t('agreement.col.kappa')}</th>
            <th className="num">{t('agreement.col.turnAlpha')}</th>
            <th className="num">{t('agreement.col.charAlpha')}</th>
            <th className="num">{t('agreement.col.matched')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.byPair.map((p) => (
            <tr key={`${p.coderA}-${p.coderB}`}>
              <td>{pair(p.coderA, p.coderB)}</td>
              <td className="num">{p.documents}</td>
              <td className="num">{p.turn.units.toLocaleString('en-US')}</td>
              <PercentCell value={p.turn.percentAgreement} t={t} />
              <KappaCell value={p.kappa.kappa} t={t} />
              <AlphaCell alpha={p.turn.alpha} band={p.turn.band} flag={p.turn.flag} t={t} />
              <AlphaCell alpha={p.character.alpha} band={p.character.band} flag={p.character.flag} t={t} />
              <SegmentCell {...segmentsOf(p.segment)} t={t} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
