// Whether any other process has a SQLite database open: the studio, a worker, the CLI. In WAL mode
// every open connection holds a shared lock on the database, so an exclusive lock is granted only
// when nothing else has it open, even a process that sits idle.
import Database from 'better-sqlite3';

export type AloneOutcome = 'done' | 'in use' | 'not a database';

/**
 * Runs `whileAlone` holding an exclusive lock on the database, its write-ahead log checkpointed
 * into the file first. 'in use' when another process has it open (nothing runs); 'not a database'
 * when the file is damaged past opening, so no lock tells who has it open (nothing runs either).
 */
export function withDatabaseAlone(file: string, whileAlone: () => void): AloneOutcome {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 0');
    sqlite.pragma('locking_mode = EXCLUSIVE');
    try {
      sqlite.exec('begin exclusive; commit');
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_BUSY') return 'in use';
      if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return 'not a database';
      throw error;
    }
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    whileAlone();
    return 'done';
  } finally {
    sqlite.close();
  }
}
