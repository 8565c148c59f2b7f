// Canonical JSON: the one byte-exact form that cache keys and content hashes are computed over.
// Keys are sorted by UTF-16 code unit (locale-free), there is no whitespace, and anything JSON
// would silently change (NaN → null, undefined in arrays → null, functions dropped) is refused,
// because a key that quietly means something else is worse than no key.

export class CanonicalJsonError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`Cannot write canonical JSON: ${problem} at ${path}`);
    this.name = 'CanonicalJsonError';
  }
}

export function canonicalJSON(value: unknown): string {
  return new Writer().write(value);
}

/** Code-unit order, the order canonicalJSON sorts keys in; the same as a bare Array.sort(). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

class Writer {
  // The path is kept as a stack and only turned into text for an error: hashing is hot.
  private readonly path: Array<string | number> = [];
  private readonly open = new Set<object>();

  write(value: unknown): string {
    switch (typeof value) {
      case 'string':
        return JSON.stringify(value);
      case 'boolean':
        return value ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(value)) throw this.error(`${value} is not a JSON number`);
        return JSON.stringify(value); // -0 becomes 0, as in JSON.
      case 'object':
        return value === null ? 'null' : this.writeObject(value);
      case 'undefined':
        throw this.error('undefined is not JSON');
      default:
        throw this.error(`a ${typeof value} is not JSON`);
    }
  }

  private writeObject(value: object): string {
    if (this.open.has(value)) throw this.error('a circular reference');
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return this.write(toJSON.call(value));
    this.open.add(value);
    const text = Array.isArray(value) ? this.writeArray(value) : this.writeRecord(value);
    this.open.delete(value);
    return text;
  }

  private writeArray(value: unknown[]): string {
    // Indexed loop, not map(): map skips holes, and a hole must be refused like undefined.
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      this.path.push(i);
      text += (i > 0 ? ',' : '') + this.write(value[i]);
      this.path.pop();
    }
    return `${text}]`;
  }

  private writeRecord(value: object): string {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      const kind = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
      throw this.error(`a ${kind} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    let text = '{';
    for (const key of Object.keys(record).sort()) {
      // An absent optional field and one set to undefined mean the same thing, as in JSON.
      if (record[key] === undefined) continue;
      this.path.push(key);
      text += `${text.length > 1 ? ',' : ''}${JSON.stringify(key)}:${this.write(record[key])}`;
      this.path.pop();
    }
    return `${text}}`;
  }

  private error(problem: string): CanonicalJsonError {
    const path = this.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    return new CanonicalJsonError(`$${path}`, problem);
  }
}
