/**
 * The heat-map scale shared by the shaded table and the heat-map chart: white to dark blue
 * (ColorBrewer "Blues", sequential, readable in greyscale), with text that stays legible.
 */
const STOPS = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** The colour at `t` in [0, 1] (clamped; NaN is 0). */
export function heatColor(t: number): string {
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  const pos = x * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const [a, b] = [rgb(STOPS[i]), rgb(STOPS[i + 1])];
  return '#' + a.map((v, k) => Math.round(v + (b[k] - v) * f).toString(16).padStart(2, '0')).join('');
}

/** Text colour on heatColor(t): white on the darker half. */
export function heatTextColor(t: number): string {
  return t > 0.55 ? '#ffffff' : '#1d2330';
}

/** `value` as a share of `max` (0 when max is 0 or the value is missing). */
export function heatShare(value: number | null, max: number): number {
  return value == null || max <= 0 ? 0 : value / max;
}
