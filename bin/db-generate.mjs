#!/usr/bin/env node
// `npm run db:generate -- --name <what>`: one migration per dialect, from server/db/schema.ts
// (SQLite, server/db/migrations) and server/db/schema.pg.ts (Postgres, server/db/migrations-pg).
// Both or neither: a schema change that lands in one history only is caught by schema-parity.test.ts.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
for (const config of ['drizzle.config.ts', 'drizzle-pg.config.ts']) {
  console.log(`[db:generate] ${config}`);
  const result = spawnSync('npx', ['drizzle-kit', 'generate', '--config', config, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[db:generate] drizzle-kit failed for ${config} (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}
