/** Starts the production server on a database for a benchmark, and stops it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function ensureBuild(): void {
  if (fs.existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) return;
  const r = spawnSync(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error('next build failed');
}

/** `databasePath` already holds what the benchmark needs (the demo, seeded by seedDemo, marks itself); `env` adds settings. */
export async function startServer(databasePath: string, port: number, env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void>; process: ChildProcess }> {
  const child = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], {
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), AUTH_SECRET: 'bench-secret-0000000000000000000000', NEXTAUTH_URL: `http://localhost:${port}`, SEED_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const r = await fetch(`${url}/signin`);
      if (r.ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode != null || Date.now() > deadline) throw new Error(`The server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    stop: async () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}
