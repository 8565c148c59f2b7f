// A node type described for people and scripts (`pipeworks nodes describe`): ports, and each param
// with its type, default, allowed values and description, all read from the node's definition and
// its zod params (the one declaration), plus an example node to paste into a pipeline file.
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../engine/columns';
import type { NodeDefinition } from '../engine/node-definition';

type Json = Record<string, unknown>;

export interface ParamDescription {
  /** Dotted path; a list's rows show as `gates[].metric`. */
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  allowed?: unknown[];
  /** e.g. ">= 0", "<= 1", "at most 200 characters". */
  limits?: string[];
  /** The input port whose columns the param names. */
  columnsOf?: string;
  description: string;
}

export interface NodeDescription {
  type: string;
  version: number;
  title: string;
  category: string;
  description: string;
  runsOn: readonly string[];
  inputs: { name: string; kind: string; optional: boolean }[];
  outputs: { name: string; kind: string }[];
  params: ParamDescription[];
  example: { id: string; type: string; version: number; params: Json; position: { x: number; y: number } };
}

export function describeNode(def: NodeDefinition): NodeDescription {
  const schema = z.toJSONSchema(def.params, { io: 'input', unrepresentable: 'any' }) as Json;
  const params: ParamDescription[] = [];
  collect(schema, schema, '', true, params, 0);
  const defaults = def.params.safeParse({});
  return {
    type: def.type,
    version: def.version,
    title: def.title,
    category: def.category,
    description: def.description,
    runsOn: def.runsOn,
    inputs: def.inputs.map((p) => ({ name: p.name, kind: p.kind, optional: p.optional === true })),
    outputs: def.outputs.map((p) => ({ name: p.name, kind: p.kind })),
    params,
    example: {
      id: def.type.split('/').pop()!,
      type: def.type,
      version: def.version,
      params: defaults.success ? (defaults.data as Json) : exampleOf(schema, schema),
      position: { x: 0, y: 0 },
    },
  };
}

function collect(root: Json, raw: Json, name: string, required: boolean, out: ParamDescription[], depth: number): void {
  if (depth > 8) return;
  const s = resolve(root, raw);
  const properties = s.properties as Record<string, Json> | undefined;
  if (s.type === 'object' && properties) {
    const needed = new Set((s.required as string[] | undefined) ?? []);
    // A list's row is no param of its own: its fields are (`gates[].metric`).
    if (name && !name.endsWith('[]')) out.push(describe(root, raw, s, name, required));
    for (const [key, sub] of Object.entries(properties)) collect(root, sub, name ? `${name}.${key}` : key, needed.has(key) && resolve(root, sub).default === undefined, out, depth + 1);
    return;
  }
  out.push(describe(root, raw, s, name, required));
  const items = s.items ? resolve(root, s.items as Json) : undefined;
  if (items?.type === 'object') collect(root, items, `${name}[]`, true, out, depth + 1);
  for (const variant of (s.anyOf ?? s.oneOf ?? []) as Json[]) {
    const v = resolve(root, variant);
    if (v.type === 'object' && v.properties) collect(root, v, name, required, out, depth + 1);
  }
}

function describe(root: Json, raw: Json, s: Json, name: string, required: boolean): ParamDescription {
  const d: ParamDescription = { name, type: typeName(root, s), required, description: String(raw.description ?? s.description ?? '') };
  const fallback = raw.default ?? s.default;
  if (fallback !== undefined) d.default = fallback;
  const allowed = allowedValues(root, s);
  if (allowed) d.allowed = allowed;
  const limits = limitsOf(s);
  if (limits.length) d.limits = limits;
  const columns = s[COLUMN_PARAM_KEY] ?? (s.items as Json | undefined)?.[COLUMN_PARAM_KEY];
  if (typeof columns === 'string') d.columnsOf = columns;
  return d;
}

function typeName(root: Json, s: Json): string {
  if (Array.isArray(s.enum)) return 'enum';
  if (s.const !== undefined) return 'const';
  if (s.type === 'array') return `${typeName(root, resolve(root, (s.items as Json) ?? {}))}[]`;
  if (typeof s.type === 'string') return s.type;
  if (Array.isArray(s.type)) return s.type.join(' | ');
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (variants) return [...new Set(variants.map((v) => typeName(root, resolve(root, v))))].join(' | ');
  return 'any';
}

function allowedValues(root: Json, s: Json): unknown[] | undefined {
  if (Array.isArray(s.enum)) return s.enum;
  if (s.type === 'array' && s.items) return allowedValues(root, resolve(root, s.items as Json));
  const variants = (s.anyOf ?? s.oneOf) as Json[] | undefined;
  if (!variants) return undefined;
  const consts = variants.map((v) => resolve(root, v)).map((v) => (v.const !== undefined ? [v.const] : Array.isArray(v.enum) ? v.enum : null));
  return consts.every(Boolean) ? consts.flat() : undefined;
}

function limitsOf(s: Json): string[] {
  const out: string[] = [];
  const add = (key: string, text: (v: unknown) => string) => s[key] !== undefined && out.push(text(s[key]));
  add('minimum', (v) => `>= ${v}`);
  add('exclusiveMinimum', (v) => `> ${v}`);
  add('maximum', (v) => `<= ${v}`);
  add('exclusiveMaximum', (v) => `< ${v}`);
  add('minLength', (v) => `at least ${v} characters`);
  add('maxLength', (v) => `at most ${v} characters`);
  add('minItems', (v) => `at least ${v} items`);
  add('maxItems', (v) => `at most ${v} items`);
  add('pattern', (v) => `matches ${v}`);
  return out;
}

/** Params that have no defaults at all: the smallest value of each required field's type. */
function exampleOf(root: Json, raw: Json): Json {
  const s = resolve(root, raw);
  const out: Json = {};
  const properties = (s.properties ?? {}) as Record<string, Json>;
  for (const key of (s.required as string[] | undefined) ?? []) {
    const p = resolve(root, properties[key] ?? {});
    if (p.default !== undefined) out[key] = p.default;
    else if (Array.isArray(p.enum)) out[key] = p.enum[0];
    else if (p.type === 'object') out[key] = exampleOf(root, p);
    else out[key] = p.type === 'array' ? [] : p.type === 'number' || p.type === 'integer' ? (p.minimum ?? 0) : p.type === 'boolean' ? false : '';
  }
  return out;
}

function resolve(root: Json, s: Json): Json {
  if (typeof s.$ref !== 'string' || !s.$ref.startsWith('#/')) return s;
  let at: unknown = root;
  for (const part of s.$ref.slice(2).split('/')) at = typeof at === 'object' && at !== null ? (at as Json)[part] : undefined;
  return typeof at === 'object' && at !== null ? { ...(at as Json), ...s, $ref: undefined } : s;
}
