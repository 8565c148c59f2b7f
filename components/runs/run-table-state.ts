// The runs table's choices as the server query wants them: columns, sort, filters, page. Pure, so
// the rules (default columns, what a typed filter value means) are tested without a browser.
import type { RouterInputs } from '../trpc/router-types';
import { metricName } from './metric-direction';

export type TableInput = RouterInputs['run']['table'];
export type Field = TableInput['sort'] extends infer S ? (S extends { field: infer F } ? F : never) : never;
export type FilterOp = NonNullable<TableInput['filters']>[number]['op'];

export interface ColumnChoice {
  metrics: string[];
  params: string[];
}

/** Headline metrics first, as people usually read them. */
const PREFERRED = ['roc_auc', 'accuracy', 'f1', 'r2', 'rmse', 'mae', 'log_loss', 'cost_per_1000'];

/** Up to three headline metrics and the params that took more than one value (up to four). */
export function defaultColumns(available: { metrics: readonly string[]; params: readonly { key: string; distinct: number }[] }): ColumnChoice {
  const rank = (key: string) => {
    const i = PREFERRED.indexOf(metricName(key));
    return i < 0 ? PREFERRED.length : i;
  };
  const metrics = available.metrics.filter((k) => rank(k) < PREFERRED.length).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, 3);
  const params = available.params.filter((p) => p.distinct > 1).map((p) => p.key).slice(0, 4);
  return { metrics, params };
}

export const fieldKey = (f: Field): string => ('key' in f ? `${f.kind}:${f.key}` : f.kind);

export function sameField(a: Field, b: Field): boolean {
  return fieldKey(a) === fieldKey(b);
}

/** Clicking a heading: sort by it (best first for a metric with a direction), again to flip. */
export function nextSort(current: TableInput['sort'], field: Field, firstDir: 'asc' | 'desc'): NonNullable<TableInput['sort']> {
  if (current && sameField(current.field, field)) return { field, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { field, dir: firstDir };
}

export const OPS_FOR: Record<Field['kind'], readonly FilterOp[]> = {
  metric: ['>=', '>', '<=', '<', '=', '!='],
  param: ['=', '!=', 'contains', '>=', '>', '<=', '<'],
  status: ['=', '!='],
  version: ['=', '!=', '>=', '<='],
  created: ['>=', '<='],
  duration: ['>=', '<='],
};

/**
 * What a typed filter value is sent as: a number where the comparison is numeric (metrics, a
 * param's ranges, versions), text where it is text (status, a param's = and contains). An
 * unreadable number is an error naming the field, never a silent default.
 */
export function filterValue(field: Field, op: FilterOp, text: string): { value: string | number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Type a value to filter by' };
  const numeric = field.kind === 'metric' || field.kind === 'version' || field.kind === 'created' || field.kind === 'duration' || (field.kind === 'param' && ['<', '<=', '>', '>='].includes(op));
  if (!numeric) return { value: trimmed };
  const n = Number(trimmed);
  if (!Number.isFinite(n)) return { error: `${'key' in field ? field.key : field.kind} ${op} needs a number, not "${trimmed}"` };
  return { value: n };
}
