/**
 * The agreement report as tables: pooled, Cohen's κ per pair, per code, per document and per
 * pair of coders, each with its number of units; undefined statistics say "no data" and why.
 */
import Link from 'next/link';
import { poolPairs, type AgreementSummary } from '@/lib/agreement/summary';
import type { AgreementSelection } from '@/lib/agreement/selection';
import type { UnitizedReport } from '@/lib/agreement/unitized-report';
import { formatNumber, formatSignificant, type Translate } from '@/lib/i18n';
import { AlphaCell, fixed3, KappaCell, PercentCell, SegmentCell, UnitizedCell } from './stats';

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
  const u = summary.unitized;

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
                <td className="num">{formatNumber(s.units, t.locale)}</td>
                <PercentCell value={s.percentAgreement} t={t} />
                <AlphaCell alpha={s.alpha} band={s.band} flag={s.flag} ci={s.ci} t={t} />
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t('agreement.level.segment')}</th>
            <td className="num">{formatNumber(pooledSegments.segments, t.locale)}</td>
            <SegmentCell {...pooledSegments} t={t} />
            <td className="num muted">—</td>
          </tr>
          {u && (
            <tr data-testid="agreement-pooled-unitized">
              <th scope="row">{t('agreement.level.unitized')}</th>
              <td className="num">{formatNumber(u.alphaU.length, t.locale)}</td>
              <td className="num muted">—</td>
              <UnitizedCell alpha={u.alphaU.overall.alpha} band={u.alphaU.overall.band} ci={u.alphaUCi?.overall} t={t} />
            </tr>
          )}
        </tbody>
      </table>

      {summary.rounds.length > 0 && (
        <>
          <h3>{t('agreement.rounds.heading')}</h3>
          <p className="hint">{t('agreement.rounds.help')}</p>
          <table className="grid agreement-table" data-testid="agreement-by-round">
            <thead>
              <tr>
                <th>{t('agreement.rounds.round')}</th>
                <th className="num">{t('agreement.rounds.documents')}</th>
                <th className="num">{t('agreement.level.turn')}</th>
                <th className="num">{t('agreement.level.character')}</th>
                {u && <th className="num">{t('agreement.level.unitized')}</th>}
              </tr>
            </thead>
            <tbody>
              {summary.rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.name}</th>
                  <td className="num">
                    {r.compared} / {r.documents}
                  </td>
                  <AlphaCell alpha={r.turn.alpha} band={r.turn.band} flag={r.turn.flag} ci={r.turn.ci} t={t} />
                  <AlphaCell alpha={r.character.alpha} band={r.character.band} flag={r.character.flag} ci={r.character.ci} t={t} />
                  {u && <UnitizedCell alpha={r.unitized?.overall.alpha ?? null} band={r.unitized?.overall.band ?? 'undefined'} ci={r.unitized?.ci ?? undefined} t={t} />}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

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
              <td className="num">{formatNumber(k.pooled.units, t.locale)}</td>
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
            {u && <th className="num">{t('agreement.col.alphaU')}</th>}
            {u && <th className="num">{t('agreement.col.binary')}</th>}
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
                <td className="num">{formatNumber(tu.units, t.locale)}</td>
                <PercentCell value={tu.percentAgreement} flag={tu.flag} t={t} />
                <AlphaCell alpha={tu.alpha} band={tu.band} flag={tu.flag} ci={tu.ci} t={t} />
                <AlphaCell alpha={ch.alpha} band={ch.band} flag={ch.flag} ci={ch.ci} t={t} />
                {u && <UnitizedCell alpha={u.alphaU.byCode[i].alpha} band={u.alphaU.byCode[i].band} ci={u.alphaUCi?.byCode[i]} t={t} />}
                {u && <UnitizedCell alpha={u.family.byCode[i].binary.alpha} band={u.family.byCode[i].binary.band} ci={u.familyCi?.byCode[i]?.binary} t={t} />}
                <SegmentCell {...segmentsOf(summary.segmentByCode[i])} t={t} />
              </tr>
            );
          })}
        </tbody>
      </table>

      {u ? <UnitizedSection unitized={u} summary={summary} names={names} t={t} /> : <p className="hint">{t('agreement.unitized.off')}</p>}

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
                    <td className="num">{formatNumber(d.turn.units, t.locale)}</td>
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
              <td className="num">{formatNumber(p.turn.units, t.locale)}</td>
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

/**
 * Krippendorff's αu and the cu-α family: what the continuum was, its bad input, per code with
 * observed and expected disagreement, per semantic domain, and the coder-pair matrix.
 */
function UnitizedSection({ unitized: u, summary, names, t }: { unitized: UnitizedReport; summary: AgreementSummary; names: ReportNames; t: Translate }) {
  const coders = summary.report.coders;
  const d = (x: number | null) => (x === null ? '—' : formatSignificant(x, t.locale));
  const kappaOf = new Map(summary.report.turn.kappa.map((k) => [`${k.coderA}|${k.coderB}`, k.pooled.kappa]));
  const pairOf = new Map(u.pairs.map((p) => [`${p.coderA}|${p.coderB}`, p]));
  return (
    <section className="agreement-unitized" data-testid="agreement-unitized">
      <h3>{t('agreement.unitized')}</h3>
      <ul className="hint agreement-notes">
        <li>{t(u.excludeUncoded ? 'agreement.unitized.excluded' : 'agreement.unitized.included', { length: u.alphaU.length, n: u.alphaU.documents })}</li>
        <li>{t('agreement.unitized.help')}</li>
        {u.skippedDocuments.length > 0 && (
          <li className="warn">{t('agreement.unitized.skipped', { documents: u.skippedDocuments.map(names.document).join(', ') })}</li>
        )}
        {u.emptyCoders.length > 0 && (
          <li className="warn" data-testid="agreement-empty-coders">
            {t('agreement.unitized.empty', { list: u.emptyCoders.map((e) => `${names.coder(e.coder)} — ${names.document(e.documentId)}`).join('; ') })}
          </li>
        )}
        {u.mergedUnits > 0 && (
          <li className="warn" data-testid="agreement-merged">
            {t('agreement.unitized.merged', { n: u.mergedUnits })}
          </li>
        )}
        {u.family.global.compoundCharacters > 0 && <li>{t('agreement.unitized.compound', { n: u.family.global.compoundCharacters })}</li>}
      </ul>
      <table className="grid agreement-table" data-testid="agreement-unitized-by-code">
        <thead>
          <tr>
            <th>{t('agreement.col.code')}</th>
            <th className="num">{t('agreement.col.units')}</th>
            <th className="num">{t('agreement.col.observed')}</th>
            <th className="num">{t('agreement.col.expected')}</th>
            <th className="num">{t('agreement.col.alphaU')}</th>
          </tr>
        </thead>
        <tbody>
          {u.alphaU.byCode.map((c, i) => (
            <tr key={c.codeId}>
              <td>{names.code(c.codeId)}</td>
              <td className="num">{c.units}</td>
              <td className="num">{d(c.observed)}</td>
              <td className="num">{d(c.expected)}</td>
              <UnitizedCell alpha={c.alpha} band={c.band} ci={u.alphaUCi?.byCode[i]} t={t} />
            </tr>
          ))}
          <tr>
            <th scope="row">{t('agreement.unitized.overall')}</th>
            <td className="num">{u.alphaU.byCode.reduce((n, c) => n + c.units, 0)}</td>
            <td className="num">{d(u.alphaU.overall.observed)}</td>
            <td className="num">{d(u.alphaU.overall.expected)}</td>
            <UnitizedCell alpha={u.alphaU.overall.alpha} band={u.alphaU.overall.band} ci={u.alphaUCi?.overall} t={t} />
          </tr>
        </tbody>
      </table>

      <h4>{t('agreement.unitized.family')}</h4>
      <p className="hint">{t('agreement.unitized.familyHelp')}</p>
      <table className="grid agreement-table" data-testid="agreement-unitized-domains">
        <thead>
          <tr>
            <th>{t('agreement.col.domain')}</th>
            <th className="num">{t('agreement.col.binary')}</th>
            <th className="num">{t('agreement.col.cu')}</th>
          </tr>
        </thead>
        <tbody>
          {u.family.byDomain.map((dm, i) => (
            <tr key={dm.domainId}>
              <td>
                {names.code(dm.domainId)} <span className="muted">({dm.codes.length})</span>
              </td>
              <UnitizedCell alpha={dm.binary.alpha} band={dm.binary.band} ci={u.familyCi?.byDomain[i].binary} t={t} />
              <UnitizedCell alpha={dm.cu.alpha} band={dm.cu.band} ci={u.familyCi?.byDomain[i].cu} t={t} />
            </tr>
          ))}
          <tr>
            <th scope="row">{t('agreement.unitized.global')}</th>
            <UnitizedCell alpha={u.family.global.binary.alpha} band={u.family.global.binary.band} ci={u.familyCi?.global.binary} t={t} />
            <UnitizedCell alpha={u.family.global.Cu.alpha} band={u.family.global.Cu.band} ci={u.familyCi?.global.Cu} t={t} />
          </tr>
        </tbody>
      </table>

      {coders.length >= 3 && (
        <>
          <h4>{t('agreement.unitized.matrix')}</h4>
          <p className="hint">{t('agreement.unitized.matrixHelp')}</p>
          <table className="grid agreement-table agreement-matrix" data-testid="agreement-pair-matrix">
            <thead>
              <tr>
                <th />
                {coders.map((c) => (
                  <th key={c}>{names.coder(c)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {coders.map((a, i) => (
                <tr key={a}>
                  <th scope="row">{names.coder(a)}</th>
                  {coders.map((b, j) => {
                    if (i === j) return <td key={b} className="muted">—</td>;
                    const key = i < j ? `${a}|${b}` : `${b}|${a}`;
                    const p = pairOf.get(key);
                    const kappa = kappaOf.get(key);
                    return (
                      <td key={b} className={`num stat band-${p?.band ?? 'undefined'}`} title={t('agreement.unitized.matrixCell', { documents: p?.documents ?? 0 })}>
                        {p?.alpha == null ? t('agreement.noData') : fixed3(p.alpha, t.locale)}
                        <span className="muted"> / κ {kappa === undefined || Number.isNaN(kappa) ? '—' : fixed3(kappa, t.locale)}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
