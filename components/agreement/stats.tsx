/** Table cells for agreement statistics: three decimals, bands, intervals, and "no data" with its reason. */
import { formatNumber, formatPercent, type Translate } from '@/lib/i18n';
import type { ConfidenceInterval } from '@/lib/agreement';

export const fixed3 = (x: number, locale = 'en') => formatNumber(x, locale, 3);
export const percent = (x: number, locale = 'en') => formatPercent(x, locale, 1);
/** An interval's ends: "[0.812, 0.900]", and with a decimal comma "[0,812; 0,900]". */
const interval = (low: number, high: number, locale: string) => `[${fixed3(low, locale)}${locale === 'en' ? ',' : ';'} ${fixed3(high, locale)}]`;

type Band = 'reliable' | 'tentative' | 'unreliable' | 'undefined';
type Flag = 'too-few-units' | 'no-variation' | 'no-segments' | 'no-continuum' | null;

/** "no data", explained on hover. */
export function NoData({ flag, t }: { flag: Flag; t: Translate }) {
  return (
    <span className="no-data" title={flag ? t(`agreement.flag.${flag}`) : undefined}>
      {t('agreement.noData')}
    </span>
  );
}

/** α with its band (reliable ≥ 0.800, tentative ≥ 0.667) and, when computed, its 95 % interval. */
export function AlphaCell({ alpha, band, flag, ci, t }: { alpha: number; band: Band; flag: Flag; ci?: ConfidenceInterval | null; t: Translate }) {
  if (Number.isNaN(alpha)) {
    return (
      <td className="num stat band-undefined">
        <NoData flag={flag} t={t} />
      </td>
    );
  }
  return (
    <td className={`num stat band-${band}`} title={t(`agreement.band.${band}`)}>
      <span className="alpha">{fixed3(alpha, t.locale)}</span>
      {ci && !Number.isNaN(ci.low) && (
        <span className="ci">
          {' '}
          {interval(ci.low, ci.high, t.locale)}
        </span>
      )}
      {(band === 'reliable' || band === 'tentative') && <span className={`band-mark ${band}`}>{t(`agreement.band.${band}`)}</span>}
    </td>
  );
}

/** A proportion as a percentage, or "no data". */
export function PercentCell({ value, flag, t }: { value: number; flag?: Flag; t: Translate }) {
  return <td className="num stat">{Number.isNaN(value) ? <NoData flag={flag ?? 'too-few-units'} t={t} /> : percent(value, t.locale)}</td>;
}

/** κ to three decimals, or "no data". */
export function KappaCell({ value, t }: { value: number; t: Translate }) {
  return <td className="num stat">{Number.isNaN(value) ? <NoData flag="too-few-units" t={t} /> : fixed3(value, t.locale)}</td>;
}

/** Matched segments: "12 / 15 (80.0 %)", or "no data" without segments. */
export function SegmentCell({ matched, segments, share, t }: { matched: number; segments: number; share: number; t: Translate }) {
  return (
    <td className="num stat">
      {segments === 0 ? <NoData flag="no-segments" t={t} /> : `${formatNumber(matched, t.locale)} / ${formatNumber(segments, t.locale)} (${percent(share, t.locale)})`}
    </td>
  );
}

/** A unitizing coefficient (null when undefined) with its band and, when computed, its interval. */
export function UnitizedCell({
  alpha,
  band,
  ci,
  t,
}: {
  alpha: number | null;
  band: Band;
  ci?: { low: number | null; high: number | null; defined: number } | null;
  t: Translate;
}) {
  const interval = ci && ci.low !== null && ci.high !== null ? { low: ci.low, high: ci.high, defined: ci.defined } : null;
  return <AlphaCell alpha={alpha ?? NaN} band={band} flag={alpha === null ? 'no-continuum' : null} ci={interval} t={t} />;
}
