// LIKE with the user's text taken literally: "%" and "_" in a search are characters, not wildcards.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Dialect } from './any-db';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Contains, case-insensitive on both: SQLite's LIKE ignores ASCII case, Postgres needs ILIKE. */
export function likeContains(dialect: Dialect, column: SQLWrapper, text: string): SQL {
  const pattern = `%${escapeLike(text)}%`;
  return dialect === 'pg' ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

export function likePrefix(column: SQLWrapper, text: string): SQL {
  return sql`${column} like ${`${escapeLike(text)}%`} escape '\\'`;
}
