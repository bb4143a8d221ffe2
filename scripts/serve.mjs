/**
 * The production server `npm start` runs (scripts/start.ts spawns it): Next's own request
 * handler behind a plain Node HTTP server, so that every request carries the address of the
 * socket it came in on. The app throttles sign-in per client address; Next itself passes
 * that on only as X-Forwarded-For, which a client may send itself. Here the header
 * `x-fgc-peer` is always replaced by "<address> <signature>", signed with AUTH_SECRET, so a
 * client cannot forge it even when the app is started some other way (where it is absent).
 */
import crypto from 'node:crypto';
import http from 'node:http';

process.env.NODE_ENV = 'production';
const { default: next } = await import('next');

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const secret = process.env.AUTH_SECRET || '';
const app = next({ dev: false, dir: process.cwd(), port, hostname: host || 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

function peer(address) {
  const mac = crypto.createHmac('sha256', secret).update(`peer ${address}`).digest('base64url');
  return `${address} ${mac}`;
}

const server = http.createServer((req, res) => {
  req.headers['x-fgc-peer'] = peer(req.socket.remoteAddress ?? '');
  handle(req, res);
});
server.listen(port, host, () => {
  console.log(`Ready on http://${host || 'localhost'}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
