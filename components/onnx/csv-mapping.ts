// Which CSV column feeds which model field: by name where the names match, otherwise (for a single
// unnamed feature tensor) the first numeric columns in order. The page shows it and lets the user
// change any choice.
import { parseValue } from './feeds';
import type { Field, InputLayout } from './input-layout';

export type MappingSource = 'name' | 'position' | 'chosen' | 'none';

export interface ColumnChoice {
  /** Index into the CSV header, or null when nothing feeds the field yet. */
  column: number | null;
  source: MappingSource;
}

const norm = (s: string) => s.trim().toLowerCase();

/** Columns whose previewed values are all numbers (blank cells aside), at least one of them present. */
export function numericColumns(header: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return header.flatMap((_, c) => {
    const values = rows.map((r) => r[c] ?? '').filter((v) => v.trim() !== '');
    return values.length > 0 && values.every((v) => parseValue(v, 'float64').ok) ? [c] : [];
  });
}

export function proposeMapping(layout: Exclude<InputLayout, { kind: 'unsupported' }>, header: readonly string[], rows: readonly (readonly string[])[]): ColumnChoice[] {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    if (!byName.has(norm(h))) byName.set(norm(h), i);
  });
  const named = layout.fields.map((f): ColumnChoice => {
    const column = byName.get(norm(f.label));
    return column === undefined ? { column: null, source: 'none' } : { column, source: 'name' };
  });
  if (layout.kind === 'columns' || named.some((c) => c.column !== null)) return named;
  const numeric = numericColumns(header, rows);
  return layout.fields.map((_, i) => (i < numeric.length ? { column: numeric[i], source: 'position' } : { column: null, source: 'none' }));
}

/** What blocks scoring: one line per field with no column. */
export function mappingProblems(fields: readonly Field[], mapping: readonly ColumnChoice[]): string[] {
  return fields.flatMap((f, i) => (mapping[i]?.column == null ? [`Choose a CSV column for ${f.label}.`] : []));
}
