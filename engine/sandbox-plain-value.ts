// The host's check of what came back from a sandbox (either one). The value is already a structured copy (no
// getters, proxies, functions or symbols can survive one); this makes sure it is only the plain
// data the harness promises, so nothing downstream ever meets a Date, Map or odd typed array.
import { SandboxError, type SandboxValue } from './code-sandbox';

const MAX_DEPTH = 5;

export function checkPlainValue(value: unknown, path = 'result', depth = 0): SandboxValue {
  if (value === null || typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (depth > MAX_DEPTH) throw invalid(`${path} is nested too deeply`);
  if (value instanceof Float64Array) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) checkPlainValue(value[i], `${path}[${i}]`, depth + 1);
    return value as SandboxValue[];
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') throw invalid(`${path} has a symbol key`);
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      if (!('value' in d)) throw invalid(`${path}.${key} is an accessor`);
      checkPlainValue(d.value, `${path}.${key}`, depth + 1);
    }
    return value as { [key: string]: SandboxValue };
  }
  throw invalid(`${path} is not plain data`);
}

function invalid(message: string): SandboxError {
  return new SandboxError('invalid_output', `The sandbox returned something other than plain data: ${message}`);
}

/**
 * Bytes of a checked value, counted as the harness counts them (8 a number in a Float64Array, 2 a
 * character, 16 anything else). The harness refuses an oversized result inside the sandbox; a host
 * that cannot fully trust the messenger (the browser sandbox's frame) counts again.
 */
export function plainValueBytes(value: SandboxValue): number {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return 16;
  if (typeof value === 'string') return 16 + 2 * value.length;
  if (value instanceof Float64Array) return 8 * value.length;
  let bytes = 16;
  if (Array.isArray(value)) {
    for (const item of value) bytes += plainValueBytes(item);
    return bytes;
  }
  for (const [key, item] of Object.entries(value)) bytes += 16 + 2 * key.length + plainValueBytes(item);
  return bytes - 16;
}
