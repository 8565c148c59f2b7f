// What GC must keep: every artifact something kept still points at. This is the one list; a new
// kind of owner (deployments pin model versions, which are already here) adds its line here.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Dialect } from '../db/any-db';

/**
 * One id per row:
 * - the outputs of every step of every run that still exists, so each kept run's results and the
 *   cache entries other runs hit through it stay whole;
 * - every dataset version's table;
 * - every model version that is not deleted (what serving and deployments load).
 * The step outputs are a JSON object per row: SQLite walks it with json_each, Postgres with jsonb_each.
 */
export function gcRoots(dialect: Dialect): SQL {
  const outputs =
    dialect === 'pg'
      ? sql`SELECT o.value->>'id' AS id FROM step_runs s, jsonb_each(s.outputs) o WHERE s.outputs IS NOT NULL AND jsonb_typeof(s.outputs) = 'object'`
      : sql`SELECT json_extract(o.value, '$.id') AS id FROM step_runs s, json_each(s.outputs) o WHERE s.outputs IS NOT NULL`;
  return sql`${outputs}
  UNION SELECT artifact_id FROM dataset_versions
  UNION SELECT artifact_id FROM model_versions WHERE deleted_at IS NULL`;
}

/** True for an artifact id some root holds: `${id} IN (roots)`, for a select or a delete on artifacts. */
export function isGcRoot(dialect: Dialect, id: AnyColumn): SQL {
  return sql`${id} IN (SELECT roots.id FROM (${gcRoots(dialect)}) roots WHERE roots.id IS NOT NULL)`;
}
