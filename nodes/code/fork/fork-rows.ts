// Forks of the row steps: filter rows, remove duplicates and missing values. Operands the user
// typed are converted to their column's type here, as the node does, so the code holds typed
// constants (a datetime as epoch ms, with its ISO text beside it in a comment).
import { assertNever } from '../../../engine/assert-never';
import { UserError } from '../../../engine/errors';
import { convertParam } from '../../clean/convert-cell';
import { assertNoRepeats, findColumn } from '../../clean/column-lookup';
import { compileCondition, type FilterCondition } from '../../clean/filter-condition';
import type { ColumnInfo, ColumnType } from '../../values';
import { forkFunction, IS_MISSING, lit, ROW_COUNT, TAKE_ROWS } from './fork-snippets';

type Scalar = string | number | boolean;

function typed(raw: Scalar, info: ColumnInfo): string {
  const value = convertParam(raw, info.type) as Scalar;
  return info.type === 'datetime' ? `${lit(value)} /* ${new Date(value as number).toISOString()} */` : lit(value);
}

function conditionTest(cond: FilterCondition, info: ColumnInfo): string {
  const present = (test: string) => `!isMissing(v) && ${test}`;
  const op = cond.op;
  switch (op) {
    case 'is_missing':
      return 'isMissing(v)';
    case 'not_missing':
      return '!isMissing(v)';
    case 'eq':
      return present(`v === ${typed(cond.value!, info)}`);
    case 'ne':
      return present(`v !== ${typed(cond.value!, info)}`);
    case 'lt':
      return present(`v < ${typed(cond.value!, info)}`);
    case 'le':
      return present(`v <= ${typed(cond.value!, info)}`);
    case 'gt':
      return present(`v > ${typed(cond.value!, info)}`);
    case 'ge':
      return present(`v >= ${typed(cond.value!, info)}`);
    case 'between':
      return present(`v >= ${typed(cond.min!, info)} && v <= ${typed(cond.max!, info)}`);
    case 'in':
      return present(`[${cond.values!.map((x) => typed(x, info)).join(', ')}].includes(v)`);
    case 'not_in':
      return present(`![${cond.values!.map((x) => typed(x, info)).join(', ')}].includes(v)`);
    case 'contains':
      return present(`String(v).includes(${lit(String(convertParam(cond.value!, info.type)))})`);
    case 'starts_with':
      return present(`String(v).startsWith(${lit(String(convertParam(cond.value!, info.type)))})`);
    default:
      return assertNever(op, 'filter op');
  }
}

export function forkFilter(p: { match: 'all' | 'any'; conditions: FilterCondition[] }, input: readonly ColumnInfo[]): string {
  const tests = p.conditions.map((cond, i) => {
    const info = findColumn(input, cond.column, `conditions.${i}.column`);
    compileCondition(cond, info, `conditions.${i}`); // the node's own checks: a bad operand refuses the fork
    return `    (i) => { const v = cols[${lit(cond.column)}][i]; return ${conditionTest(cond, info)}; }, // ${cond.column} ${cond.op}`;
  });
  const keep = tests.length === 0 ? 'true' : `conditions.${p.match === 'all' ? 'every' : 'some'}((test) => test(i))`;
  return forkFunction(`Forked from "Filter rows": keeps the rows that meet ${p.match} of the conditions; a missing cell matches only is_missing.`, [
    IS_MISSING,
    ROW_COUNT,
    TAKE_ROWS,
    '  const conditions = [',
    ...tests,
    '  ];',
    '  const kept = [];',
    `  for (let i = 0; i < rows; i++) if (${keep}) kept.push(i);`,
    '  return takeRows(cols, kept);',
  ]);
}

export function forkDeduplicate(p: { columns: string[]; keep: 'first' | 'last' }, input: readonly ColumnInfo[]): string {
  assertNoRepeats(p.columns, (i) => `columns.${i}`, 'columns');
  p.columns.forEach((name, i) => findColumn(input, name, `columns.${i}`));
  return forkFunction(`Forked from "Remove duplicates": keeps the ${p.keep} row of each group that matches on ${p.columns.length === 0 ? 'every column' : 'these columns'}; missing cells count as equal.`, [
    IS_MISSING,
    ROW_COUNT,
    TAKE_ROWS,
    `  const on = ${p.columns.length === 0 ? 'schema.map((c) => c.name)' : lit(p.columns)};`,
    '  const keeper = new Map();',
    '  for (let i = 0; i < rows; i++) {',
    '    const key = JSON.stringify(on.map((name) => (isMissing(cols[name][i]) ? null : cols[name][i])));',
    p.keep === 'first' ? '    if (!keeper.has(key)) keeper.set(key, i);' : '    keeper.set(key, i);',
    '  }',
    '  return takeRows(cols, [...keeper.values()].sort((a, b) => a - b));',
  ]);
}

type Strategy = 'drop_rows' | 'fill_constant' | 'leave';
interface MissingParams {
  strategy: Strategy;
  value?: Scalar;
  columns: { column: string; strategy: Strategy; value?: Scalar }[];
}

/** A rule as code: the fill value typed to the column, or undefined (with the raw value, for the error) when it does not fit. */
function rule(strategy: Strategy, value: Scalar | undefined, type: ColumnType): string {
  if (strategy !== 'fill_constant') return `{ strategy: ${lit(strategy)} }`;
  const converted = value === undefined ? undefined : convertParam(value, type);
  const fits = converted !== undefined && converted !== null;
  const shown = fits && type === 'datetime' ? ` /* ${new Date(converted as number).toISOString()} */` : '';
  return `{ strategy: 'fill_constant', value: ${fits ? lit(converted) : 'undefined'}${shown}, raw: ${lit(value)} }`;
}

export function forkMissing(p: MissingParams, input: readonly ColumnInfo[]): string {
  assertNoRepeats(p.columns.map((c) => c.column), (i) => `columns.${i}.column`, 'columns');
  const listed = p.columns.map((c, i) => {
    const info = findColumn(input, c.column, `columns.${i}.column`);
    return `    [${lit(c.column)}, ${rule(c.strategy, c.value, info.type)}],`;
  });
  // The pipeline-wide strategy covers every other column; a fill value is typed per column type.
  const types = [...new Set(input.map((c) => c.type))];
  const otherwise =
    p.strategy === 'fill_constant'
      ? ['  const otherwise = {', ...types.map((t) => `    ${t}: ${rule('fill_constant', p.value, t)},`), '  };']
      : [`  const otherwise = { ${types.map((t) => `${t}: ${rule(p.strategy, undefined, t)}`).join(', ')} };`];
  return forkFunction('Forked from "Missing values": fills missing cells with a constant, or drops the rows that have one, per column.', [
    IS_MISSING,
    ROW_COUNT,
    TAKE_ROWS,
    '  const rules = new Map([',
    ...listed,
    '  ]);',
    '  // Every other column, by its type.',
    ...otherwise,
    '  const out = {};',
    '  const dropOn = [];',
    '  for (const { name, type } of schema) {',
    '    const r = rules.get(name) ?? otherwise[type];',
    '    let values = cols[name];',
    "    if (r.strategy === 'drop_rows') dropOn.push(name);",
    "    if (r.strategy === 'fill_constant' && values.some(isMissing)) {",
    '      if (r.raw === undefined) throw new Error(`fill_constant for "${name}" needs a value`);',
    '      if (r.value === undefined) throw new Error(`Fill value ${JSON.stringify(r.raw)} does not fit column "${name}" (${type}); give that column its own strategy or value`);',
    '      values = values.map((v) => (isMissing(v) ? r.value : v));',
    '    }',
    '    out[name] = values;',
    '  }',
    '  const kept = [];',
    '  for (let i = 0; i < rows; i++) if (!dropOn.some((name) => isMissing(out[name][i]))) kept.push(i);',
    '  return kept.length === rows ? out : takeRows(out, kept);',
  ]);
}

export function forkClip(
  p: { columns: string[]; method: 'quantile' | 'fixed'; lower: number; upper: number; min?: number; max?: number },
  input: readonly ColumnInfo[],
): string {
  assertNoRepeats(p.columns, (i) => `columns.${i}`, 'columns');
  p.columns.forEach((name, i) => {
    const info = findColumn(input, name, `columns.${i}`);
    if (info.type !== 'numeric') throw new UserError(`Clipping needs a numeric column; "${name}" is ${info.type}`, { field: `columns.${i}`, column: name });
  });
  const chosen = p.columns.length > 0 ? lit(p.columns) : "schema.filter((c) => c.type === 'numeric' && c.role === 'feature').map((c) => c.name)";
  const bounds =
    p.method === 'fixed'
      ? [`    const min = ${lit(p.min)};`, `    const max = ${lit(p.max)};`]
      : [
          '    const finite = values.filter(Number.isFinite).sort();',
          '    if (finite.length === 0) continue;',
          `    const min = quantile(finite, ${lit(p.lower)});`,
          `    const max = quantile(finite, ${lit(p.upper)});`,
        ];
  return forkFunction(
    `Forked from "Clip outliers": clips numbers into [min, max]${p.method === 'quantile' ? ', the quantiles of each column (numpy linear)' : ''}; missing cells stay missing.`,
    [
      ...(p.method === 'quantile'
        ? [
            '  const quantile = (sorted, q) => {',
            '    const h = (sorted.length - 1) * q;',
            '    const lo = Math.floor(h);',
            '    const hi = Math.min(lo + 1, sorted.length - 1);',
            '    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);',
            '  };',
          ]
        : []),
      `  const columns = ${chosen};`,
      '  const out = { ...cols };',
      '  for (const name of columns) {',
      '    const values = cols[name];',
      ...bounds,
      '    out[name] = values.map((v) => (min !== undefined && v < min ? min : max !== undefined && v > max ? max : v));',
      '  }',
      '  return out;',
    ],
  );
}
