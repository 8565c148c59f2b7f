// Which params of a node name columns, and the columns they name: read from the params' JSON Schema,
// where a column param carries `x-columns-of: <input port>` (the same mark the inspector's pickers
// read), so a node declares its column params once, in its zod schema.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from './columns';

type Json = Record<string, unknown>;

export interface NamedColumn {
  /** Dotted path from the params root, e.g. `features.2` or `conditions.0.column`. */
  path: string;
  column: string;
  /** The input port whose columns it must be one of. */
  port: string;
}

const schemas = new WeakMap<z.ZodType, Json>();
const MAX_DEPTH = 32;

function jsonSchemaOf(params: z.ZodType): Json {
  let schema = schemas.get(params);
  if (!schema) {
    schema = z.toJSONSchema(params, { io: 'input', unrepresentable: 'any' }) as Json;
    schemas.set(params, schema);
  }
  return schema;
}

/** Every non-empty column name in `value` (parsed params) with its path and port, each once. */
export function namedColumns(params: z.ZodType, value: unknown): NamedColumn[] {
  const root = jsonSchemaOf(params);
  const found = new Map<string, NamedColumn>();
  const visit = (raw: unknown, v: unknown, path: string[], depth: number): void => {
    if (depth > MAX_DEPTH || typeof raw !== 'object' || raw === null || v === undefined || v === null) return;
    const s = resolve(root, raw as Json);
    const port = s[COLUMN_PARAM_KEY];
    if (typeof port === 'string' && port !== '') {
      // Marked on a string, or on a list whose items each name a column.
      const names = typeof v === 'string' ? [[path, v] as const] : Array.isArray(v) ? v.map((x, i) => [[...path, String(i)], x] as const) : [];
      for (const [p, name] of names) {
        if (typeof name === 'string' && name !== '') found.set(p.join('.'), { path: p.join('.'), column: name, port });
      }
    }
    for (const variants of [s.anyOf, s.oneOf, s.allOf]) {
      if (Array.isArray(variants)) for (const variant of variants) visit(variant, v, path, depth + 1);
    }
    if (Array.isArray(v) && s.items) v.forEach((item, i) => visit(s.items, item, [...path, String(i)], depth + 1));
    if (isRecord(v) && isRecord(s.properties)) {
      for (const [key, sub] of Object.entries(s.properties)) if (Object.hasOwn(v, key)) visit(sub, v[key], [...path, key], depth + 1);
    }
  };
  visit(root, value, [], 0);
  return [...found.values()];
}

/** Follows a local `$ref` (`#/$defs/x`); a schema zod reuses is written once and referenced. */
function resolve(root: Json, s: Json): Json {
  if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/')) return s;
  let at: unknown = root;
  for (const part of s.$ref.slice(2).split('/')) at = isRecord(at) ? at[part] : undefined;
  return isRecord(at) ? { ...at, ...s, $ref: undefined } : s;
}

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
