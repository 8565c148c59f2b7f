// Compares a table's columns with the expected names and types of a schema_match expectation.
import type { ColumnInfo, ColumnType } from '../values';

/** A type alias, not an interface, so it stays assignable to JsonValue. */
export type SchemaDiff = {
  missing: string[];
  wrongType: { name: string; expected: ColumnType; actual: ColumnType }[];
  extra: string[];
};

export function checkSchema(
  expected: readonly { name: string; type: ColumnType }[],
  actual: readonly ColumnInfo[],
  allowExtra: boolean,
): SchemaDiff {
  const byName = new Map(actual.map((c) => [c.name, c]));
  const named = new Set(expected.map((c) => c.name));
  const diff: SchemaDiff = { missing: [], wrongType: [], extra: [] };
  for (const { name, type } of expected) {
    const found = byName.get(name);
    if (!found) diff.missing.push(name);
    else if (found.type !== type) diff.wrongType.push({ name, expected: type, actual: found.type });
  }
  if (!allowExtra) diff.extra = actual.filter((c) => !named.has(c.name)).map((c) => c.name);
  return diff;
}
