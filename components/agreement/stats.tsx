/** Table cells for agreement statistics: three decimals, bands, intervals, and "no data" with its reason. */
import type { Translate } from '@/lib/i18n';
import type { ConfidenceInterval } from '@/lib/agreement';

export const fixed3 = (x: number) => x.toFixed(3);
export const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

type Band = 'reliable' | 'tentative' | 'unreliable' | 'undefined';
type Flag = 'too-few-units' | 'no-variation' | 'no-segments' | null;

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
      <span className="alpha">{fixed3(alpha)}</span>
      {ci && !Number.isNaN(ci.low) && (
        <span className="ci">
          {' '}
          [{fixed3(ci.low)}, {fixed3(ci.high)}]
        </span>
      )}
      {(band === 'reliable' || band === 'tentative') && <span className={`band-mark ${band}`}>{t(`agreement.band.${band}`)}</span>}
    </td>
  );
}

/** A proportion as a percentage, or "no data". */
export function PercentCell({ value, flag, t }: { value: number; flag?: Flag; t: Translate }) {
  return <td className="num stat">{Number.isNaN(value) ? <NoData flag={flag ?? 'too-few-units'} t={t} /> : percent(value)}</td>;
}

/** κ to three decimals, or "no data". */
export function KappaCell({ value, t }: { value: number; t: Translate }) {
  return <td className="num stat">{Number.isNaN(value) ? <NoData flag="too-few-units" t={t} /> : fixed3(value)}</td>;
}

/** Matched segments: "12 / 15 (80.0 %)", or "no data" without segments. */
export function SegmentCell({ matched, segments, share, t }: { matched: number; segments: number; share: number; t: Translate }) {
  return (
    <td className="num stat">
      {segments === 0 ? <NoData flag="no-segments" t={t} /> : `${matched} / ${segments} (${percent(share)})`}
    </td>
  );
}
