/**
 * Numbers and dates as a person reads them in a locale: the one place the UI formats
 * them (machine formats — CSV, JSON, API values, file names — stay as they are).
 * Russian and Kazakh group thousands with a no-break space (U+00A0 in Node 20's ICU)
 * and write a decimal comma: 11 099, 0,812.
 */

/** `value` with grouping; `digits` fixes the decimals (else up to three, as Intl does). */
export function formatNumber(value: number, locale: string, digits?: number): string {
  const options: Intl.NumberFormatOptions = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return new Intl.NumberFormat(locale, options).format(value);
}

/**
 * `value` to `digits` significant digits, for quantities whose scale varies by orders of
 * magnitude (αu's disagreements are often below 0.001): 0.000123, 0,0412.
 */
export function formatSignificant(value: number, locale: string, digits = 3): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(value);
}

/** A share 0…1 as a percentage with `digits` decimals, "81.2 %" / "81,2 %". */
export function formatPercent(share: number, locale: string, digits = 1): string {
  return `${formatNumber(share * 100, locale, digits)} %`;
}

/**
 * A moment (ISO string or Date) as date and time in the locale, in UTC so that the
 * server's and the browser's rendering agree: "Dec 7, 2026, 09:22" / "7 дек. 2026 г., 09:22".
 */
export function formatDateTime(moment: string | Date, locale: string): string {
  // A stamp without a zone ("2026-12-07 09:22:43", as SQLite writes) is UTC too.
  const zoneless = typeof moment === 'string' && /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(moment);
  const date = typeof moment === 'string' ? new Date(zoneless ? `${moment.replace(' ', 'T')}Z` : moment) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(date);
}
