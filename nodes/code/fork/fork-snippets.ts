// Pieces of the JavaScript a fork writes: literals that read back exactly, and the small helpers
// several forks share, written out in the code itself so the scientist sees (and can change) all
// of it. The generated code runs in the sandbox, as (cols, schema) => columns.

/** A JavaScript literal for a plain value; numbers keep -0, NaN and the infinities. */
export function lit(value: unknown): string {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) return '-0';
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
  }
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(lit).join(', ')}]`;
  return JSON.stringify(value);
}

export const IS_MISSING = `  // A missing cell: null, or NaN in a number column.
  const isMissing = (v) => v === null || (typeof v === 'number' && Number.isNaN(v));`;

export const ROW_COUNT = `  const rows = schema.length === 0 ? 0 : cols[schema[0].name].length;`;

export const TAKE_ROWS = `  // The rows at these positions, in every column, in table order.
  const takeRows = (table, positions) =>
    Object.fromEntries(schema.map(({ name }) => {
      const v = table[name];
      return [name, v instanceof Float64Array ? Float64Array.from(positions, (i) => v[i]) : positions.map((i) => v[i])];
    }));`;

/** A whole fork: a header saying what it was forked from, then the function. */
export function forkFunction(header: string, body: readonly string[]): string {
  return [`// ${header}`, '(cols, schema) => {', ...body, '}', ''].join('\n');
}
