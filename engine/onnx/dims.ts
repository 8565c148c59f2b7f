// When an ONNX dimension is dynamic, and how to show it. A dimension is fixed only when it holds a
// positive size; no value, a negative one, the unsigned form of -1 (4294967295, as onnxruntime-web
// reports a dim without a value), an empty string (onnxruntime-node's form) or a dimParam name are
// all dynamic. Converters write a batch of `None` as a dim with no value, so this is the usual case.

/** A dimension as a runtime's metadata or the model's proto gives it. */
export type RawDim = number | string | null | undefined | { dimValue?: number; dimParam?: string };

/** A dimension once read: a fixed size, or dynamic with the dimParam name when there is one. */
export type Dim = { fixed: number } | { dynamic: string | null };

const UINT32_MINUS_ONE = 4294967295;

export function readDim(raw: RawDim): Dim {
  if (raw === null || raw === undefined) return { dynamic: null };
  if (typeof raw === 'object') {
    if (raw.dimParam) return { dynamic: raw.dimParam };
    return readDim(raw.dimValue ?? null);
  }
  if (typeof raw === 'string') return { dynamic: raw === '' ? null : raw };
  if (!Number.isInteger(raw) || raw <= 0 || raw >= UINT32_MINUS_ONE) return { dynamic: null };
  return { fixed: raw };
}

/** The size of a fixed dimension, or null for a dynamic one. */
export function fixedSize(raw: RawDim): number | null {
  const dim = readDim(raw);
  return 'fixed' in dim ? dim.fixed : null;
}

export function isDynamicDim(raw: RawDim): boolean {
  return fixedSize(raw) === null;
}

/** `?` for a dynamic dim with no name, its name otherwise, or the fixed size. */
export function showDim(raw: RawDim): string {
  const dim = readDim(raw);
  return 'fixed' in dim ? String(dim.fixed) : (dim.dynamic ?? '?');
}

export function showShape(shape: readonly RawDim[]): string {
  return `[${shape.map(showDim).join(', ')}]`;
}
