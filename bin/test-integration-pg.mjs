#!/usr/bin/env node
// `npm run test:integration:pg [-- vitest arguments]`: the integration suite on Postgres, each test
// file on a fresh database (tests/integration/helpers/database-per-file.ts). .ci/run runs it whole
// after `npm test` (docs/architecture.md, "Tests on both databases").
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PIPEWORKS_TEST_DATABASE: 'postgres', PIPEWORKS_REQUIRE_POSTGRES: '1' },
});
process.exit(result.status ?? 1);
