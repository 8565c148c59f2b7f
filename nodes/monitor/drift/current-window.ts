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
