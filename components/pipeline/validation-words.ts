// What a validation report's expectation results say, in words: what was observed and which rows
// and columns fail. Observed values are stored as JSON per expectation kind (check-expectation.ts).
import type { ExpectationResult } from '../../nodes/clean/check-expectation';
import type { ValidationReport } from '../../nodes/clean/validate.node';
import type { JsonObject, JsonValue } from '../../nodes/values';
import { formatNumber } from '../ui/format';

export function isValidationReport(value: unknown): value is ValidationReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Record<keyof ValidationReport, unknown>>;
  return v.type === 'validation' && Array.isArray(v.expectations) && Array.isArray(v.warnings) && typeof v.passed === 'boolean';
}

type Observed = JsonObject;
const isObject = (v: JsonValue): v is Observed => typeof v === 'object' && v !== null && !Array.isArray(v);
const value = (v: JsonValue | undefined) => (typeof v === 'number' ? formatNumber(v) : v === null || v === undefined ? 'none' : typeof v === 'string' ? v : JSON.stringify(v));
const names = (v: JsonValue | undefined) => (Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? `"${x}"` : JSON.stringify(x))).join(', ') : '');
const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

/** "12 missing", "min 3 · max 140", "unexpected: "x", "y"", "missing columns: "age"; …". */
export function observedText(r: ExpectationResult): string {
  const o = r.observed;
  if (!isObject(o)) return value(o);
  switch (r.kind) {
    case 'not_null':
      return `${plural(Number(o.missing ?? 0), 'missing value')}`;
    case 'missing_fraction_at_most':
      return `${formatNumber(Number(o.missingFraction ?? 0) * 100)}% missing (${plural(Number(o.missing ?? 0), 'cell')})`;
    case 'range':
      return `observed min ${value(o.min)} · max ${value(o.max)}`;
    case 'allowed_values':
      return Array.isArray(o.unexpected) && o.unexpected.length > 0 ? `unexpected values: ${names(o.unexpected)}` : 'no unexpected values';
    case 'unique':
      return `${plural(Number(o.duplicatedValues ?? 0), 'value')} occurring more than once`;
    case 'schema_match':
      return schemaText(o);
    case 'row_count_between':
      return plural(Number(o.rows ?? 0), 'row');
    default:
      return JSON.stringify(o);
  }
}

function schemaText(o: Observed): string {
  const parts: string[] = [];
  if (Array.isArray(o.missing) && o.missing.length > 0) parts.push(`missing columns: ${names(o.missing)}`);
  if (Array.isArray(o.wrongType) && o.wrongType.length > 0) {
    const wrong = o.wrongType.filter(isObject).map((w) => `"${String(w.name)}" is ${String(w.actual)}, expected ${String(w.expected)}`);
    parts.push(`wrong types: ${wrong.join(', ')}`);
  }
  if (Array.isArray(o.extra) && o.extra.length > 0) parts.push(`unexpected columns: ${names(o.extra)}`);
  return parts.length > 0 ? parts.join('; ') : 'every expected column is there with its type';
}

/**
 * "3 failing rows: 4, 17, 52" (row numbers from 1; only the first few are kept in the report). A
 * share of missing cells can be within its limit and still name rows: those are not failures.
 */
export function failingRowsText(r: ExpectationResult): string | null {
  if (r.failingRows === 0) return null;
  const shown = r.failingRowNumbers.map((n) => formatNumber(n)).join(', ');
  const more = r.failingRows > r.failingRowNumbers.length ? ', …' : '';
  const what = r.kind === 'missing_fraction_at_most' ? `missing in ${plural(r.failingRows, 'row')}` : plural(r.failingRows, 'failing row');
  return `${what}: ${shown}${more}`;
}
