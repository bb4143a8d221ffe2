import NextAuth from 'next-auth';
import { authOptions } from '@/server/edge/auth';
import { currentUser } from '@/server/edge/session';

const handler = NextAuth(authOptions);

/**
 * next-auth's endpoints, with its session endpoint answering as the rest of the app does: a
 * session that has ended (signed out elsewhere, password changed, disabled — see currentUser)
 * is no session, though its token's signature is still good.
 */
async function GET(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  if (new URL(req.url).pathname.endsWith('/api/auth/session') && !(await currentUser())) {
    return Response.json({}, { headers: { 'cache-control': 'private, no-cache, no-store' } });
  }
  return handler(req, ctx);
}

export { GET, handler as POST };
