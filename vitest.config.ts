import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['engine/**/*.test.ts', 'nodes/**/*.test.ts', 'server/**/*.test.ts', 'components/**/*.test.ts'],
          environment: 'node',
          // Speed is the benches' job, never a test's: on a shared 2-core machine at load ~20, TF.js
          // fits, wasm loads and 3000-run properties take 6-10 s, past vitest's 5 s default, and a
          // fit abandoned by its timeout still frees tensors under the next test's tensor count.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // PIPEWORKS_TEST_DATABASE=postgres: a fresh Postgres database per file; otherwise a no-op.
          setupFiles: ['tests/integration/helpers/database-per-file.ts'],
        },
      },
    ],
  },
});
