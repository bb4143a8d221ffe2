/**
 * GUIDs as REFI-QDA writes them: 8-4-4-4-12 hex digits, optionally in braces, in either case
 * (one NVivo export mixes both). We compare and store them lower case without braces.
 */

const GUID = /^(?:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|\{([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\})$/i;

/** The canonical form (lower case, no braces) of a GUID, or undefined when `s` is not one. */
export function normaliseGuid(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const m = GUID.exec(s.trim());
  if (!m) return undefined;
  return (m[1] ?? m[2]).toLowerCase();
}

export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** Makes a new GUID each call. */
export type GuidGenerator = () => string;

/** Random version-4 GUIDs from the platform's crypto. */
export const randomGuid: GuidGenerator = () => globalThis.crypto.randomUUID();

/**
 * Deterministic version-4-shaped GUIDs from a seed: the same seed gives the same sequence.
 * For tests and reproducible exports; not for anything that must be unguessable.
 */
export function seededGuids(seed: string): GuidGenerator {
  // cyrb128 to spread the seed over 128 bits, then sfc32: small, fast, good enough here.
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  let a = h1 >>> 0;
  let b = h2 >>> 0;
  let c = h3 >>> 0;
  let d = h4 >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  return () => {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const n = next();
      bytes.push(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const hex = bytes.map((x) => x.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
