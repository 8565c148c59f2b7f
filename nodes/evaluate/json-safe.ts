// Reports are stored as canonical JSON, which refuses NaN and Infinity on purpose. An undefined
// metric (NaN here) is written as null, and typed arrays as plain arrays.
import type { JsonValue } from '../values';

export function jsonSafe(value: unknown): JsonValue {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (v) => jsonSafe(v));
  if (Array.isArray(value)) return value.map((v) => jsonSafe(v));
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = jsonSafe(v);
    return out;
  }
  throw new Error(`jsonSafe: a ${typeof value} is not JSON`);
}
