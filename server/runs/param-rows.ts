// A step's params as run_params rows: one row per leaf of plain objects (`split.fractions.train`),
// lists and everything else as one value. Strings are stored as they are so `= "gini"` filters read
// naturally; other values as canonical JSON; numbers also as numbers for sorting and ranges.
import { canonicalJSON } from '../../engine/canonical-json';

export interface ParamRow {
  stepId: string;
  key: string;
  value: string;
  num: number | null;
}

/** Longest stored value: a filter compares whole values, and a huge list is no column. */
export const MAX_PARAM_VALUE_CHARS = 2000;
const MAX_DEPTH = 4;

export function paramRows(stepId: string, params: Record<string, unknown>): ParamRow[] {
  return flatParams(params).map((row) => ({ stepId, ...row, key: `${stepId}.${row.key}` }));
}

/** The same rows without a step: a registered model version's train params use these keys. */
export function flatParams(params: Record<string, unknown>): Omit<ParamRow, 'stepId'>[] {
  const rows: Omit<ParamRow, 'stepId'>[] = [];
  const visit = (path: string, value: unknown, depth: number) => {
    if (isPlainObject(value) && depth < MAX_DEPTH && Object.keys(value).length > 0) {
      for (const key of Object.keys(value).sort()) visit(`${path}.${key}`, value[key], depth + 1);
      return;
    }
    if (value === undefined) return;
    const text = paramText(value);
    rows.push({ key: path, value: text.length > MAX_PARAM_VALUE_CHARS ? `${text.slice(0, MAX_PARAM_VALUE_CHARS - 1)}…` : text, num: typeof value === 'number' && Number.isFinite(value) ? value : null });
  };
  for (const key of Object.keys(params).sort()) visit(key, params[key], 1);
  return rows;
}

/** How a param value is written in run_params.value (and how a filter's value is compared). */
export function paramText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return canonicalJSON(value);
  } catch {
    return String(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
