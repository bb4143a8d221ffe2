/**
 * Starts the production server with no configuration: prepares the database (migrations,
 * the demo study on first start), makes sure a session secret exists, then runs
 * `next start`. Fails at once, naming the path, when the database cannot be written.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { prepareInstance } from './instance';

const { secret, databaseFile, seeded } = (() => {
  try {
    return prepareInstance();
  } catch (e) {
    console.error(`Start-up failed: ${(e as Error).message}`);
    process.exit(1);
  }
})();

const port = process.env.PORT || '3000';
console.log(`Database: ${databaseFile}${seeded ? ' (demo study seeded)' : ''}`);
const env = {
  ...process.env,
  AUTH_SECRET: secret,
  NEXTAUTH_SECRET: secret,
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  DATABASE_PATH: databaseFile,
  NEXT_TELEMETRY_DISABLED: '1',
};
const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const child = spawn(process.execPath, [next, 'start', '-p', port, ...process.argv.slice(2)], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
