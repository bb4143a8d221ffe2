/** Axis ticks at round numbers (1, 2, 2.5 or 5 × 10ⁿ) from 0 to at least `max`, about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const steps = Math.ceil(max / step - 1e-9);
  // toPrecision trims binary noise (0.30000000000000004)
  return Array.from({ length: steps + 1 }, (_, i) => +(i * step).toPrecision(12));
}
