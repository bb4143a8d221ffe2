/**
 * The client's address, for throttling. Behind a reverse proxy the operator vouches for
 * (TRUST_PROXY=<number of proxies>, usually 1), the address that proxy saw: the entry of
 * X-Forwarded-For that many places from the right (the entries left of it are the client's
 * to write). Otherwise the address of the socket, which scripts/serve.mjs (the server
 * `npm start` runs) passes on in `x-fgc-peer`, signed with AUTH_SECRET so that a client
 * cannot forge it; without it (another way of starting the app), none.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

type Headers = Record<string, unknown> | undefined;

function header(headers: Headers, name: string): string | null {
  const v = headers?.[name];
  return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : null;
}

export function peerSignature(address: string, secret: string): string {
  return createHmac('sha256', secret).update(`peer ${address}`).digest('base64url');
}

export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  const hops = Number(env.TRUST_PROXY);
  if (Number.isInteger(hops) && hops > 0) {
    const list = (header(headers, 'x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    if (list.length > 0) return list[Math.max(0, list.length - hops)];
  }
  const peer = header(headers, 'x-fgc-peer');
  const secret = env.AUTH_SECRET;
  if (!peer || !secret) return null;
  const i = peer.lastIndexOf(' ');
  const address = peer.slice(0, i);
  const given = Buffer.from(peer.slice(i + 1));
  const expected = Buffer.from(peerSignature(address, secret));
  return i > 0 && address && given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}
