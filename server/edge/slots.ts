/**
 * Bounded work per user: a pool of slots, at most `perUser` held by one user and `total` in
 * all (each overridable from the environment); asking for one more is refused at once with
 * the pool's `busy` reason (HTTP 429) instead of making everyone's requests wait. Used by
 * regex searches (search-slots.ts) and uploads (upload-slots.ts).
 */
import { DomainError, type ErrorReason } from '@/lib/errors';

export interface SlotPool {
  /** Key of the pool's counters on globalThis (they survive module reloads in dev). */
  key: string;
  reason: Extract<ErrorReason, `${string}busy`>;
  perUser: { env: string; fallback: number };
  total: { env: string; fallback: number };
}

type Counters = { total: number; perUser: Map<number, number> };
const holder = globalThis as unknown as Record<string, Counters | undefined>;
const countersOf = (pool: SlotPool): Counters => (holder[pool.key] ??= { total: 0, perUser: new Map() });

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** Runs `work` holding one of the pool's slots; throws the pool's busy reason when none is free. */
export async function withSlot<T>(pool: SlotPool, userId: number, work: () => Promise<T>): Promise<T> {
  const perUser = envInt(pool.perUser.env, pool.perUser.fallback);
  const total = envInt(pool.total.env, pool.total.fallback);
  const slots = countersOf(pool);
  const mine = slots.perUser.get(userId) ?? 0;
  if (mine >= perUser || slots.total >= total) throw new DomainError(pool.reason, { perUser, total });
  slots.total++;
  slots.perUser.set(userId, mine + 1);
  try {
    return await work();
  } finally {
    slots.total--;
    const left = (slots.perUser.get(userId) ?? 1) - 1;
    if (left > 0) slots.perUser.set(userId, left);
    else slots.perUser.delete(userId);
  }
}

/** Slots of the pool held now (tests). */
export function slotsInUse(pool: SlotPool): number {
  return countersOf(pool).total;
}
