import { defineConfig } from '@playwright/test';

// End-to-end tests drive Debian's Chromium against a production build (`next start`).
// scripts/test.ts prepares the database and the build; PORT and DATABASE_URL come from it.
const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  // e2e: journeys in Chromium; security: attacks replayed over HTTP (every *.spec.ts of
  // tests/security), both against the same production build and server.
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    { name: 'security', testDir: 'tests/security' },
  ],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node node_modules/next/dist/bin/next start -p ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
