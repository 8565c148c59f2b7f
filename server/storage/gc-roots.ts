// What GC must keep: every artifact something kept still points at. This is the one list; a new
// kind of owner (deployments pin model versions, which are already here) adds its line here.
import { sql } from 'drizzle-orm';

/**
 * One id per row:
 * - the outputs of every step of every run that still exists, so each kept run's results and the
 *   cache entries other runs hit through it stay whole;
 * - every dataset version's table;
 * - every model version that is not deleted (what serving and deployments load).
 */
export const GC_ROOTS = sql`
  SELECT json_extract(o.value, '$.id') AS id FROM step_runs s, json_each(s.outputs) o WHERE s.outputs IS NOT NULL
  UNION SELECT artifact_id FROM dataset_versions
  UNION SELECT artifact_id FROM model_versions WHERE deleted_at IS NULL`;
