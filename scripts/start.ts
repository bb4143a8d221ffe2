/**
 * Starts the production server with no configuration: prepares the database (migrations,
 * the demo study only with SEED_DEMO=1), makes sure a session secret exists, then runs
 * the server. Fails at once, naming the path, when the database cannot be written.
 *
 * `--demo` (what `npm run demo` runs) starts the demo instead: its own database file
 * (DEMO_DATABASE_PATH, default data/demo.db) with the demo study seeded, marked as a demo on
 * every page.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareInstance } from './instance';

const args = process.argv.slice(2);
if (args.includes('--demo')) {
  process.env.DATABASE_PATH = path.resolve(process.env.DEMO_DATABASE_PATH || path.join(process.cwd(), 'data', 'demo.db'));
  process.env.SEED_DEMO = '1';
}

async function main() {
  const { secret, databaseFile, seeded, noUsers, demo } = await (async () => {
    try {
      return await prepareInstance();
    } catch (e) {
      console.error(`Start-up failed: ${(e as Error).message}`);
      process.exit(1);
    }
  })();

  const port = process.env.PORT || '3000';
  console.log(`Database: ${databaseFile}${seeded ? ' (demo study seeded)' : ''}${demo ? ' — a DEMO instance: its accounts have the public password demo-password' : ''}`);
  if (noUsers) {
    console.log(`No account yet: open http://localhost:${port}/setup to create the first admin, or run npm run user:add -- --email <email> --admin`);
  }
  const env = {
    ...process.env,
    AUTH_SECRET: secret,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
    DATABASE_PATH: databaseFile,
    NEXT_TELEMETRY_DISABLED: '1',
  };
  // Next's handler behind a plain HTTP server that passes on each request's socket address.
  const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts', 'serve.mjs')], { env: { ...env, PORT: port }, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main();
