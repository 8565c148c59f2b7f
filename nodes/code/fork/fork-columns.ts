// Forks of the column steps: select, rename and cast columns. Params are checked by the caller
// (the node's own outputColumns), so here they are known to fit the input.
import type { ColumnInfo, ColumnType } from '../../values';
import { forkFunction, IS_MISSING, lit } from './fork-snippets';

interface SelectParams {
  mode: 'keep' | 'drop';
  columns: string[];
}

export function forkSelect(p: SelectParams): string {
  if (p.mode === 'keep') {
    return forkFunction('Forked from "Select columns" (keep): only these columns, in this order.', [
      `  const keep = ${lit(p.columns)};`,
      '  return Object.fromEntries(keep.map((name) => [name, cols[name]]));',
    ]);
  }
  return forkFunction('Forked from "Select columns" (drop): every column except these.', [
    `  const drop = new Set(${lit(p.columns)});`,
    '  return Object.fromEntries(schema.filter((c) => !drop.has(c.name)).map((c) => [c.name, cols[c.name]]));',
  ]);
}

export function forkRename(p: { renames: { from: string; to: string }[] }): string {
  return forkFunction('Forked from "Rename columns": all renames apply at once, so two columns can swap names.', [
    `  const renames = new Map(${lit(p.renames.map((r) => [r.from, r.to]))});`,
    '  return Object.fromEntries(schema.map((c) => [renames.get(c.name) ?? c.name, cols[c.name]]));',
  ]);
}

const NUMBER = String.raw`/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/`;
const DATETIME = String.raw`/^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/`;

const TEXT_HELPERS = `  // Text that means "missing", as when a file is read.
  const NA = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?']);`;
const NUMBER_HELPER = `  const NUMBER = ${NUMBER};`;
const DATETIME_HELPER = `  // ISO 8601: a date, optionally a time and a zone; no zone means UTC. Impossible dates do not parse.
  const DATETIME = ${DATETIME};
  const parseDatetime = (raw) => {
    const m = DATETIME.exec(raw);
    if (!m) return NaN;
    const [, date, time, zone] = m;
    const [y, mo, d] = date.split('-').map(Number);
    const day = new Date(Date.UTC(y, mo - 1, d));
    if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return NaN;
    if (time === undefined) return Date.parse(date + 'T00:00:00Z');
    const z = zone === undefined ? 'Z' : zone === 'Z' || zone.includes(':') ? zone : zone.slice(0, 3) + ':' + zone.slice(3);
    return Date.parse(date + 'T' + time + z);
  };`;

/** A converter from a cell of type `from` to `to`: the new value, null for missing, undefined when it does not fit. */
function converter(from: ColumnType, to: ColumnType): { code: string; needs: ('text' | 'number' | 'datetime')[] } {
  if (from === 'categorical' || from === 'text') {
    if (to === 'categorical' || to === 'text') return { code: '(v) => v', needs: [] };
    const lead = '(v) => { const t = v.trim(); if (NA.has(t.toLowerCase())) return null; ';
    if (to === 'numeric') return { code: `${lead}return NUMBER.test(t) ? Number(t) : undefined; }`, needs: ['text', 'number'] };
    if (to === 'boolean') {
      return {
        code: `${lead}const w = t.toLowerCase(); return ['true', 'yes', '1'].includes(w) ? true : ['false', 'no', '0'].includes(w) ? false : undefined; }`,
        needs: ['text'],
      };
    }
    return { code: `${lead}const ms = parseDatetime(t); return Number.isNaN(ms) ? undefined : ms; }`, needs: ['text', 'datetime'] };
  }
  if (from === 'boolean') {
    if (to === 'numeric') return { code: '(v) => (v ? 1 : 0)', needs: [] };
    if (to === 'boolean') return { code: '(v) => v', needs: [] };
    if (to === 'datetime') return { code: '() => undefined', needs: [] };
    return { code: '(v) => String(v)', needs: [] };
  }
  if (from === 'datetime') {
    if (to === 'numeric' || to === 'datetime') return { code: '(v) => v', needs: [] };
    if (to === 'boolean') return { code: '() => undefined', needs: [] };
    return { code: '(v) => new Date(v).toISOString()', needs: [] };
  }
  // numeric
  if (to === 'numeric') return { code: '(v) => v', needs: [] };
  if (to === 'boolean') return { code: '(v) => (v === 1 ? true : v === 0 ? false : undefined)', needs: [] };
  if (to === 'datetime') return { code: '(v) => (Number.isFinite(v) && Math.abs(v) <= 8.64e15 ? v : undefined)', needs: [] };
  return { code: '(v) => String(v)', needs: [] };
}

export function forkCast(p: { casts: { column: string; type: ColumnType }[]; maxInvalidFraction: number }, input: readonly ColumnInfo[]): string {
  const needs = new Set<string>();
  const casts = p.casts.map((c) => {
    const from = input.find((i) => i.name === c.column)!.type;
    const conv = converter(from, c.type);
    conv.needs.forEach((n) => needs.add(n));
    return `    { column: ${lit(c.column)}, to: ${lit(c.type)}, convert: ${conv.code} }, // from ${from}`;
  });
  return forkFunction('Forked from "Cast columns": values that do not convert become missing; too many fail the run.', [
    IS_MISSING,
    ...(needs.has('text') ? [TEXT_HELPERS] : []),
    ...(needs.has('number') ? [NUMBER_HELPER] : []),
    ...(needs.has('datetime') ? [DATETIME_HELPER] : []),
    `  const maxInvalidFraction = ${lit(p.maxInvalidFraction)};`,
    '  // Each convert gives the new value, null for missing, or undefined when the value does not fit.',
    '  const casts = [',
    ...casts,
    '  ];',
    '  const out = { ...cols };',
    '  for (const { column, to, convert } of casts) {',
    '    let present = 0;',
    '    let failed = 0;',
    '    let first = -1;',
    '    out[column] = Array.from(cols[column], (v, i) => {',
    '      if (isMissing(v)) return null;',
    '      present++;',
    '      const c = convert(v);',
    '      if (c !== undefined) return c;',
    '      failed++;',
    '      if (first < 0) first = i;',
    '      return null;',
    '    });',
    '    if (failed > 0 && failed / present > maxInvalidFraction) {',
    '      throw new Error(`Cannot convert column "${column}" to ${to}: ${failed} of ${present} values do not convert, more than maxInvalidFraction ${maxInvalidFraction}; first at row ${first + 1}`);',
    '    }',
    '  }',
    '  return out;',
  ]);
}
