/**
 * The in-memory limits of sign-in, before any password is checked: attempts per client
 * address (SIGNIN_PER_ADDRESS per minute, default 30, a token bucket), and the delay with
 * which a refused attempt is answered (SIGNIN_THROTTLE_DELAY_MS, default 1000), so that a
 * client hammering the endpoint waits instead of making the server work. The global limit
 * on password checks at once is the worker pool's (server/edge/password-worker.ts).
 */
// One map per process, even where modules are loaded more than once (Next's bundles, tests).
const holder = globalThis as unknown as { __signInBuckets?: Map<string, { tokens: number; at: number }> };
const buckets = (holder.__signInBuckets ??= new Map());

function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** Takes one attempt from the address's allowance; false when it has none left. */
export function takeAttempt(address: string | null, now = Date.now()): boolean {
  if (!address) return true;
  const perMinute = envNumber('SIGNIN_PER_ADDRESS', 30);
  const b = buckets.get(address) ?? { tokens: perMinute, at: now };
  b.tokens = Math.min(perMinute, b.tokens + ((now - b.at) / 60_000) * perMinute);
  b.at = now;
  const ok = b.tokens >= 1;
  if (ok) b.tokens -= 1;
  buckets.set(address, b);
  if (buckets.size > 50_000) {
    // Full buckets carry no information: drop them (and, under a flood of addresses, the oldest).
    for (const [k, v] of buckets) if (v.tokens >= perMinute - 1 || now - v.at > 60_000) buckets.delete(k);
    if (buckets.size > 50_000) buckets.clear();
  }
  return ok;
}

/** Forgets every address (tests). */
export function resetAttempts(): void {
  buckets.clear();
}

/** Waits before a refusal is answered. */
export function tarpit(): Promise<void> {
  const ms = envNumber('SIGNIN_THROTTLE_DELAY_MS', 1000);
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}
