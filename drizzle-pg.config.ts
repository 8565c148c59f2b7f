// The Postgres migration history (PIPEWORKS_DATABASE_URL); drizzle.config.ts is SQLite's.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema.pg.ts',
  out: './server/db/migrations-pg',
});
