// The current window as columns, filled row by row from logged inputs (plain objects, or cell by
// cell from a streaming reader) by the reference's feature list, so a large window never holds its
// rows, only its columns.
import { categoryCell, numericCell } from './reference-profile';
import type { FeatureReference } from './reference-types';

export type CurrentColumn =
  | { kind: 'numeric'; name: string; /** NaN marks a missing or non-numeric value. */ values: Float64Array; invalid: number }
  | { kind: 'categorical'; name: string; values: (string | null)[]; invalid: number };

/** One column per reference, from plain objects; a value of the wrong type counts as invalid and missing. */
export function columnsFromRows(references: readonly FeatureReference[], rows: readonly Record<string, unknown>[]): CurrentColumn[] {
  const builder = new WindowBuilder(references);
  for (const row of rows) builder.add(row);
  return builder.columns();
}

export function columnFromCells(ref: FeatureReference, cells: readonly unknown[]): CurrentColumn {
  const builder = new WindowBuilder([ref]);
  for (const cell of cells) builder.add({ [ref.name]: cell });
  return builder.columns()[0];
}

/** One feature's cells for a run of rows: kinds[r] as in addCells (null: every cell a number), numbers, other values. */
export interface CellRun {
  kinds: Uint8Array | null;
  nums: Float64Array;
  others: readonly unknown[] | null;
}

export const CELL_MISSING = 0;
export const CELL_NUMBER = 1;
export const CELL_OTHER = 2;

type Slot =
  | { kind: 'numeric'; name: string; values: Float64Array; invalid: number }
  | { kind: 'categorical'; name: string; values: (string | null)[]; invalid: number };

export class WindowBuilder {
  private readonly slots: Slot[];
  private rows = 0;

  constructor(references: readonly FeatureReference[]) {
    this.slots = references.map((ref) =>
      ref.kind === 'numeric' ? { kind: 'numeric', name: ref.name, values: new Float64Array(1024), invalid: 0 } : { kind: 'categorical', name: ref.name, values: [], invalid: 0 },
    );
  }

  add(row: Record<string, unknown>): void {
    const i = this.next();
    for (const slot of this.slots) put(slot, i, row[slot.name]);
  }

  /**
   * One row given cell by cell in reference order, so a reader streaming a log needs no object
   * per row: kinds[s] is CELL_MISSING, CELL_NUMBER (the value is nums[s]) or CELL_OTHER (others[s]).
   * Same result as add() with an object holding those cells.
   */
  addCells(kinds: Uint8Array, nums: Float64Array, others: readonly unknown[]): void {
    const i = this.next();
    const slots = this.slots;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s];
      const kind = kinds[s];
      if (kind === CELL_NUMBER && slot.kind === 'numeric') {
        const v = nums[s];
        slot.values[i] = Number.isFinite(v) ? v : Number.NaN;
      } else put(slot, i, kind === CELL_NUMBER ? nums[s] : kind === CELL_OTHER ? others[s] : undefined);
    }
  }

  /**
   * Rows hi - 1 down to lo of columnar cells, one run per reference in reference order (null: the
   * cells are all missing). The same result as addCells for each of those rows in that order.
   */
  addRange(runs: readonly (CellRun | null)[], lo: number, hi: number): void {
    const start = this.rows;
    const count = hi - lo;
    if (count <= 0) return;
    this.reserve(start + count);
    this.rows += count;
    const slots = this.slots;
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s];
      const run = runs[s];
      if (run === null) {
        for (let j = 0; j < count; j++) put(slot, start + j, undefined);
        continue;
      }
      const { kinds, nums, others } = run;
      if (slot.kind === 'numeric' && kinds === null) {
        // Every cell a number: the common case, one tight loop.
        const values = slot.values;
        for (let j = start, r = hi - 1; r >= lo; j++, r--) {
          const v = nums[r];
          values[j] = Number.isFinite(v) ? v : Number.NaN;
        }
      } else if (slot.kind === 'numeric') {
        const values = slot.values;
        for (let j = 0, r = hi - 1; j < count; j++, r--) {
          const kind = kinds === null ? CELL_NUMBER : kinds[r];
          if (kind === CELL_NUMBER) {
            const v = nums[r];
            values[start + j] = Number.isFinite(v) ? v : Number.NaN;
          } else put(slot, start + j, kind === CELL_OTHER ? others![r] : undefined);
        }
      } else {
        for (let j = 0, r = hi - 1; j < count; j++, r--) {
          const kind = kinds === null ? CELL_NUMBER : kinds[r];
          put(slot, start + j, kind === CELL_NUMBER ? nums[r] : kind === CELL_OTHER ? others![r] : undefined);
        }
      }
    }
  }

  private next(): number {
    const i = this.rows++;
    for (const slot of this.slots) {
      if (slot.kind === 'numeric' && i === slot.values.length) {
        const grown = new Float64Array(slot.values.length * 2);
        grown.set(slot.values);
        slot.values = grown;
      }
    }
    return i;
  }

  /** Room for `rows` rows in all, so a reader that knows its window's size grows nothing. */
  reserve(rows: number): void {
    for (const slot of this.slots) {
      if (slot.kind === 'numeric' && rows > slot.values.length) {
        let length = slot.values.length;
        while (length < rows) length *= 2;
        const grown = new Float64Array(length);
        grown.set(slot.values.subarray(0, this.rows));
        slot.values = grown;
      }
    }
  }

  get size(): number {
    return this.rows;
  }

  columns(): CurrentColumn[] {
    return this.slots.map((s) => (s.kind === 'numeric' ? { ...s, values: s.values.subarray(0, this.rows) } : s));
  }
}

function put(slot: Slot, i: number, cell: unknown): void {
  if (slot.kind === 'numeric') {
    // Serving receives raw JSON; a numeric feature sent as a numeric string is still a number.
    const v = typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : numericCell(cell);
    if (Number.isNaN(v) && cell !== null && cell !== undefined && typeof cell !== 'number') slot.invalid++;
    slot.values[i] = Number.isFinite(v) ? v : Number.NaN;
  } else if (cell !== null && typeof cell === 'object') {
    slot.invalid++;
    slot.values.push(null);
  } else {
    slot.values.push(categoryCell(cell));
  }
}
