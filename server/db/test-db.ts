// A fresh, migrated database in a temp dir for one test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type OpenedDatabase } from './client';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export interface TestDb extends OpenedDatabase {
  dir: string;
  cleanup(): void;
}

export function makeTempDir(prefix = 'pipeworks-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function openTestDb(): TestDb {
  const dir = makeTempDir();
  const opened = openDatabase(dir, MIGRATIONS_FOLDER);
  return {
    ...opened,
    dir,
    cleanup() {
      opened.sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
