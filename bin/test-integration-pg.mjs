#!/usr/bin/env node
// `npm run test:integration:pg [-- --allow-listed] [vitest arguments]`: the integration suite on
// Postgres, each test file on a fresh database (tests/integration/helpers/database-per-file.ts).
// `--allow-listed` runs only the files in tests/integration/postgres-allow-list.txt: what .ci/run
// runs until every integration file passes on Postgres (docs/architecture.md, "Tests on both databases").
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ALLOW_LIST = 'tests/integration/postgres-allow-list.txt';

let args = process.argv.slice(2);
if (args.includes('--allow-listed')) {
  const files = readFileSync(new URL(`../${ALLOW_LIST}`, import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
  const missing = files.filter((file) => !existsSync(new URL(`../${file}`, import.meta.url)));
  if (missing.length > 0) {
    console.error(`[test:integration:pg] ${ALLOW_LIST} names files that do not exist: ${missing.join(', ')}`);
    process.exit(2);
  }
  // An empty list must not fall through to vitest's default of every file.
  if (files.length === 0) {
    console.log(`[test:integration:pg] ${ALLOW_LIST} lists no files yet: nothing to run`);
    process.exit(0);
  }
  args = [...args.filter((arg) => arg !== '--allow-listed'), ...files];
}
const result = spawnSync('npx', ['vitest', 'run', '--project', 'integration', ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PIPEWORKS_TEST_DATABASE: 'postgres', PIPEWORKS_REQUIRE_POSTGRES: '1' },
});
process.exit(result.status ?? 1);
