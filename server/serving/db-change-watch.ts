// Whether any connection, in any process, committed to the database since the last look, for the
// price of one 48-byte read: in WAL mode each commit rewrites the wal-index header at the start of
// the `-shm` file (https://www.sqlite.org/walformat.html, "The WAL-Index Header": a change counter
// and the frame count move on every commit; a checkpoint that restarts the WAL changes its salts).
// A SQLite read costs a read transaction with its shared-memory locks, several times more, and
// serving asks on every request. Without a `-shm` file (not WAL) every look answers "changed".
// A torn read of a header being written differs from the last one: it answers "changed" too, and
// the caller's real query then reads under SQLite's own locking.
import { closeSync, openSync, readSync } from 'node:fs';

const HEADER_BYTES = 48;

export class DbChangeWatch {
  private fd: number | null;
  private last = Buffer.alloc(HEADER_BYTES);
  private next = Buffer.alloc(HEADER_BYTES);
  private primed = false;

  constructor(databaseFile: string) {
    try {
      this.fd = openSync(`${databaseFile}-shm`, 'r');
    } catch {
      this.fd = null;
    }
  }

  changed(): boolean {
    if (this.fd === null) return true;
    let read = 0;
    try {
      read = readSync(this.fd, this.next, 0, HEADER_BYTES, 0);
    } catch {
      return true;
    }
    if (read < HEADER_BYTES) return true;
    if (this.primed && this.next.equals(this.last)) return false;
    [this.last, this.next] = [this.next, this.last];
    this.primed = true;
    return true;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
