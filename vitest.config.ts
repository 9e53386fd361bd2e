import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // One pool for every project: integration files mostly wait on child processes (servers, pip, npm),
    // so the unit and renderer files use the CPU meanwhile instead of waiting for a group of their own.
    // Projects start in name order (contract, integration, renderer, unit), the largest files of each
    // first, so the long integration files start early and do not end the run alone. One worker more
    // than there are cores: much of the time is waiting, not computing.
    maxWorkers: availableParallelism() + 1,
    // `vitest run --coverage` (npm test passes it): a summary in the output, no thresholds to fail on.
    coverage: {
      provider: 'v8',
      // Every source file counts, also those no test loads (they show as uncovered, not as absent).
      include: ['src-main/**/*.{ts,tsx}', 'src-shared/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
      exclude: ['src-main/engine/templates/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
      // The summary is printed on a red run too: that is when one looks at what the tests reach.
      reportOnFailure: true,
    },
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
          // Files share a worker and its module cache: each file re-importing the sources cost more than its tests.
          // Unit tests keep no state between files (each builds what it uses), so nothing leaks across.
          isolate: false,
          // Some unit tests run a real Python or read every source file: on a busy 2-core machine (npm
          // test runs its lanes side by side) that can pass 5 s. They wait for their result, not a clock.
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/unit/renderer/setup.ts'],
          // One jsdom and one module cache per worker instead of per file: building them was most of this
          // project's time. setup.ts unmounts what each test rendered, so no DOM outlives its test.
          isolate: false,
          // Above the 5 s a waitFor may take (setup.ts), so a slow condition fails with its own message.
          testTimeout: 15_000,
        },
      },
      {
        test: {
          name: 'integration',
          environment: 'node',
          // As for unit tests: each file builds its own engines and servers; only the module cache is shared.
          isolate: false,
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'contract',
          environment: 'node',
          include: ['test/contract/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
