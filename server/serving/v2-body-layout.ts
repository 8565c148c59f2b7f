// The layout of V2 bodies a client sends again and again: the same text around different numbers.
// A body the fast decoder read in full leaves its layout here (the literal text between its values,
// and what each value is); a later body that has exactly that text around its values is decoded by
// comparing the text and reading only the values, with the same number reader, the same integer
// check and the same result the full decode would give (the text it skips is text that decode
// accepted, character for character). Anything that differs is null: the caller decodes in full.
import type { RequestTable } from './request-table';
import type { V2Request } from './v2-request';
import { BAIL, Reader } from './v2-json-reader';

type Datatype = V2Request['datatypes'] extends Map<string, infer D> ? D : never;

/** What one value of the layout is. */
export const NUMBER = 0;
export const INTEGER = 1;
export const ID = 2;

/** Where a value sat in the body the layout was taken from: [start, end) and what it is. */
export interface ValueMark {
  start: number;
  end: number;
  kind: typeof NUMBER | typeof INTEGER | typeof ID;
  /** The column (index into the request's column order) a number belongs to; -1 for the id. */
  column: number;
}

export interface BodyLayout {
  /**
   * segments[i] precedes value i; the last one follows the last value. Each is a string of its
   * own (copied out of the body it was taken from): a body is checked against them with `===` on
   * a slice of it, a memory comparison, where `startsWith` with a string of another body went
   * character by character (about 2 ns each, most of a one-row request's decode).
   */
  segments: string[];
  kinds: Uint8Array;
  columnOf: Int32Array;
  names: string[];
  rows: number;
  /** Shared by every request decoded with this layout: nothing downstream changes it. */
  datatypes: Map<string, Datatype>;
}

/** Layouts kept, most recently used first (a few clients, or one client's few request shapes). */
const MAX_LAYOUTS = 8;
/** Longer bodies are not worth keeping the text of. */
const MAX_LAYOUT_CHARS = 64 * 1024;
const layouts: BodyLayout[] = [];

/** Keeps the layout of a body that the full fast decode accepted, given its values' marks in order. */
export function rememberLayout(text: string, marks: readonly ValueMark[], request: V2Request): void {
  if (text.length > MAX_LAYOUT_CHARS) return;
  const segments = new Array<string>(marks.length + 1);
  const kinds = new Uint8Array(marks.length);
  const columnOf = new Int32Array(marks.length);
  let at = 0;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i];
    segments[i] = ownCopy(text.slice(at, mark.start));
    kinds[i] = mark.kind;
    columnOf[i] = mark.column;
    at = mark.end;
  }
  segments[marks.length] = ownCopy(text.slice(at));
  const layout = { segments, kinds, columnOf, names: [...request.table.columns.keys()], rows: request.table.rows, datatypes: request.datatypes };
  if (layouts.length >= MAX_LAYOUTS) layouts.pop();
  layouts.unshift(layout);
}

/** The request, when the body has the text of a kept layout around its values; otherwise null. */
export function decodeByLayout(text: string): V2Request | null {
  for (let i = 0; i < layouts.length; i++) {
    const layout = layouts[i];
    const request = decodeWith(text, layout);
    if (request === null) continue;
    if (i > 0) {
      layouts.splice(i, 1);
      layouts.unshift(layout);
    }
    return request;
  }
  return null;
}

/** Every kept layout forgotten (tests). */
export function forgetLayouts(): void {
  layouts.length = 0;
}

function decodeWith(text: string, layout: BodyLayout): V2Request | null {
  const { segments, kinds, columnOf, names } = layout;
  if (!matchesAt(text, 0, segments[0])) return null;
  // A column's array starts as [first value]: a push onto [] would allocate room for 16.
  const data: (number | null)[][] = new Array(names.length);
  const r = new Reader(text);
  let at = segments[0].length;
  let id: string | undefined;
  try {
    for (let i = 0; i < kinds.length; i++) {
      r.at = at;
      const kind = kinds[i];
      if (kind === ID) id = r.string();
      else {
        const value = r.numberOrNull();
        if (kind === INTEGER && value !== null && !Number.isInteger(value)) return null;
        const column = data[columnOf[i]];
        if (column === undefined) data[columnOf[i]] = [value];
        else column.push(value);
      }
      const next = segments[i + 1];
      if (!matchesAt(text, r.at, next)) return null;
      at = r.at + next.length;
    }
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
  if (at !== text.length) return null;
  return { id, table: new LayoutTable(layout.rows, { names, values: data }), outputs: null, datatypes: layout.datatypes };
}

/**
 * A layout-decoded request's table. Its map is built only when asked for: validation and the log
 * read the columns in order (RequestTable.order), so on the common path no map is made at all.
 */
class LayoutTable implements RequestTable {
  #columns: Map<string, unknown[]> | null = null;

  constructor(
    readonly rows: number,
    readonly order: { names: readonly string[]; values: readonly unknown[][] },
  ) {}

  get columns(): Map<string, unknown[]> {
    if (this.#columns === null) {
      const { names, values } = this.order;
      this.#columns = new Map();
      for (let c = 0; c < names.length; c++) this.#columns.set(names[c], values[c] as unknown[]);
    }
    return this.#columns;
  }
}

/** Whether `text` has `segment` at `at`. */
function matchesAt(text: string, at: number, segment: string): boolean {
  return text.slice(at, at + segment.length) === segment;
}

/** A flat copy of a latin1 text: not a slice that keeps its whole body alive. */
function ownCopy(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}
