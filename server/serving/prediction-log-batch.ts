// The prediction log's entries as they gather on the serving thread, packed for the writer thread:
// numbers in one Float64Array and indices in one Int32Array (both transferred, not copied), the
// repeated strings (endpoint, version, role, key, column names, labels) once per batch, and the
// prediction ids as one string. Turning inputs and outputs into JSON text happens on the writer
// thread (prediction-log-codec.mjs): per request, the serving thread only copies a few numbers.
// Posting one object per entry cost more than the rest of a request (structured clone, ~5 µs each).
import type { Predictions } from '../../nodes/models/predict';
import type { DeploymentRole } from '../db/schema';
import { ENTRY_INTS, type PackedBatch } from './prediction-log-codec.mjs';

export interface LogMeta {
  id: string;
  endpointId: string;
  versionId: string;
  role: DeploymentRole;
  shadowOf: string | null;
  keyId: string | null;
  createdAt: number;
  latencyMs: number;
}

export class LogBatch {
  count = 0;
  private ids = '';
  private readonly strings: string[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly schemas: number[] = [];
  private readonly others: unknown[] = [];
  private ints = new Int32Array(ENTRY_INTS * 64);
  private nums = new Float64Array(1024);
  private numCount = 0;
  private kinds = new Uint8Array(1024);
  private kindCount = 0;
  /** The column names and labels of the last entry, reused while they stay the same. */
  private lastNames: readonly string[] | null = null;
  private lastNamesAt = -1;
  private lastLabels: readonly string[] | null = null;
  private lastLabelsAt = -1;

  /** One row of a request: its raw values (columns in `names` order) and its predictions. */
  add(meta: LogMeta, names: readonly string[], columns: readonly unknown[][], row: number, p: Predictions): void {
    const k = p.task === 'regression' ? 1 : p.labels.length;
    this.reserve(columns.length + k + 2, columns.length);
    let at = this.count * ENTRY_INTS;
    if (at + ENTRY_INTS > this.ints.length) this.ints = grow(this.ints, at + ENTRY_INTS);
    const ints = this.ints;
    ints[at++] = this.string(meta.endpointId);
    ints[at++] = this.string(meta.versionId);
    ints[at++] = this.string(meta.role);
    ints[at++] = meta.keyId === null ? -1 : this.string(meta.keyId);
    ints[at++] = meta.shadowOf === null ? -1 : this.string(meta.shadowOf);
    ints[at++] = this.namesAt(names);
    ints[at++] = p.task === 'regression' ? -1 : this.labelsAt(p.labels);
    this.ids += meta.id;
    const nums = this.nums;
    nums[this.numCount++] = meta.createdAt;
    nums[this.numCount++] = meta.latencyMs;
    for (let c = 0; c < columns.length; c++) {
      const value = columns[c][row];
      if (typeof value === 'number' && Number.isFinite(value)) {
        this.kinds[this.kindCount++] = 0;
        nums[this.numCount++] = value;
      } else {
        this.kinds[this.kindCount++] = 1;
        this.others.push(value ?? null);
      }
    }
    for (let j = 0; j < k; j++) nums[this.numCount++] = p.scores[row * k + j];
    this.count++;
  }

  /** The message for the writer, and the buffers to transfer with it. */
  pack(): { batch: PackedBatch; transfer: ArrayBuffer[] } {
    const ints = this.ints.slice(0, this.count * ENTRY_INTS);
    const nums = this.nums.slice(0, this.numCount);
    const kinds = this.kinds.slice(0, this.kindCount);
    const batch: PackedBatch = { count: this.count, ids: this.ids, strings: this.strings, schemas: this.schemas, others: this.others, ints, nums, kinds };
    return { batch, transfer: [ints.buffer, nums.buffer, kinds.buffer] };
  }

  private reserve(numbers: number, kinds: number): void {
    if (this.numCount + numbers > this.nums.length) this.nums = grow(this.nums, this.numCount + numbers);
    if (this.kindCount + kinds > this.kinds.length) this.kinds = grow(this.kinds, this.kindCount + kinds);
  }

  private string(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  /** A list of strings as [length, index…] in `schemas`; its position there. */
  private list(items: readonly string[]): number {
    const at = this.schemas.length;
    this.schemas.push(items.length);
    for (const item of items) this.schemas.push(this.string(item));
    return at;
  }

  private namesAt(names: readonly string[]): number {
    if (!sameStrings(names, this.lastNames)) {
      this.lastNames = names;
      this.lastNamesAt = this.list(names);
    }
    return this.lastNamesAt;
  }

  private labelsAt(labels: readonly string[]): number {
    if (!sameStrings(labels, this.lastLabels)) {
      this.lastLabels = labels;
      this.lastLabelsAt = this.list(labels);
    }
    return this.lastLabelsAt;
  }
}

function sameStrings(a: readonly string[], b: readonly string[] | null): boolean {
  if (a === b) return true;
  if (b === null) return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function grow<T extends Int32Array | Float64Array | Uint8Array>(array: T, atLeast: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(atLeast, array.length * 2));
  next.set(array);
  return next;
}
