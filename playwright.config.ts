import { defineConfig } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';

const PORT = Number(process.env.E2E_PORT || 3100);
// A fresh database for every run, seeded with the demo study by the start script (SEED_DEMO=1).
const DATABASE_PATH = process.env.E2E_DATABASE_PATH || path.join(os.tmpdir(), `fgcoder-e2e-${process.pid}-${Date.now()}`, 'e2e.db');

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: 'npm start',
    url: `http://localhost:${PORT}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATABASE_PATH,
      AUTH_SECRET: 'e2e-secret-not-for-production-use-000000',
      NEXTAUTH_URL: `http://localhost:${PORT}`,
      NEXT_TELEMETRY_DISABLED: '1',
      SEED_DEMO: '1',
      // The specs sign in many times from one address within a minute.
      SIGNIN_PER_ADDRESS: '1000',
    },
  },
});
