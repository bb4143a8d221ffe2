/**
 * Runs before every page (Next 16's proxy, formerly middleware): a fresh nonce per request,
 * put in the Content-Security-Policy of the request — Next reads it there while rendering and
 * gives it to its own inline scripts and script tags — and of the response, replacing the
 * nonce-less policy next.config.mjs sets on everything. Pages are all rendered per request
 * (the root layout reads the session and the language cookie), so every page gets its nonce.
 * Static files and API answers are skipped: nothing there runs inline, and they keep the
 * stricter nonce-less policy.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, newNonce } from '@/lib/security/csp';

export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev: process.env.NODE_ENV === 'development' });
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico).*)'],
};
