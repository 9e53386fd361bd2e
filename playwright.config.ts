import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real UI in the system Chromium against browser mode
 * (`mcp-lab serve`). No browser is ever downloaded: CHROMIUM_PATH overrides the default.
 * Build first: `npx electron-vite build`.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two files at a time: each test has its own `mcp-lab serve`, home and ports, and much of a test is waiting on
  // servers, so a second worker uses what the first leaves idle. MCP_LAB_E2E_WORKERS overrides (1 to debug).
  workers: Number(process.env.MCP_LAB_E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }], ['./test/e2e/summary-reporter.ts']],
  globalSetup: './test/e2e/global-setup.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
      ],
    },
  },
});
