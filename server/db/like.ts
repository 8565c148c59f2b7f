// LIKE with the user's text taken literally: "%" and "_" in a search are characters, not wildcards.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function likeContains(column: SQLWrapper, text: string): SQL {
  return sql`${column} like ${`%${escapeLike(text)}%`} escape '\\'`;
}

export function likePrefix(column: SQLWrapper, text: string): SQL {
  return sql`${column} like ${`${escapeLike(text)}%`} escape '\\'`;
}
