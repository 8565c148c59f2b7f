// Maps a node's params JSON Schema (from its zod schema) to the fields the inspector draws.
// Anything this cannot map honestly becomes a 'json' field, edited as raw JSON.
import { COLUMN_PARAM_KEY, DATASET_PARAM_KEY } from '../../engine/columns';
import { CODE_PARAM_KEY } from '../../nodes/code/code-params';

export type JsonSchema = Record<string, unknown>;

/** A param that names columns of an input table (the schema's 'x-columns-of'): drawn as a column picker. */
export interface ColumnRef {
  /** The input port whose columns the picker offers. */
  port: string;
  /** The empty choice's label, e.g. "use the column whose role is target"; null when a column is required. */
  emptyLabel: string | null;
}

/** A param naming a stored dataset, or a version (`latest` or a hash) of the one its sibling names. */
export type DatasetRef = 'name' | 'version';

interface FieldBase {
  name: string;
  label: string;
  description: string;
  defaultValue: unknown;
  /** The schema also allows null ("none"). */
  nullable: boolean;
}

export type ScalarField =
  | (FieldBase & { kind: 'number'; integer: boolean; min?: number; max?: number; exclusiveMin?: number; exclusiveMax?: number })
  | (FieldBase & { kind: 'boolean' })
  | (FieldBase & { kind: 'enum'; options: string[] })
  | (FieldBase & { kind: 'string'; maxLength?: number; pattern?: string; columnsOf?: ColumnRef; dataset?: DatasetRef; code?: 'javascript' })
  /** A string, number or boolean, typed as text: numbers and true/false are read as such. */
  | (FieldBase & { kind: 'scalar' });

/** What a row of an object list may hold: anything but another object list. */
export type RowField =
  | ScalarField
  | (FieldBase & { kind: 'string-list'; columnsOf?: ColumnRef })
  | (FieldBase & { kind: 'json' });

/** One shape a row of a variant list can take, picked by its discriminator's value. */
export interface Variant {
  /** The discriminator's value, e.g. 'not_null'. */
  value: string;
  label: string;
  description: string;
  /** The row's other fields; lists of objects are allowed here (one level down). */
  fields: ParamField[];
  required: string[];
}

export type ParamField =
  | RowField
  | (FieldBase & { kind: 'object-list'; itemFields: RowField[]; required: string[] })
  /** A list of objects of several kinds (a zod discriminated union), e.g. validation expectations. */
  | (FieldBase & { kind: 'variant-list'; discriminator: string; variants: Variant[] });

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** camelCase or snake_case to a sentence: "stratifyBy" → "Stratify by". */
export function humanise(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Splits `anyOf: [X, {type: 'null'}]` into X and a nullable flag; merges string-only unions. */
function unwrap(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  const variants = Array.isArray(schema.anyOf) ? schema.anyOf.filter(isObject) : null;
  if (!variants) return { schema, nullable: false };
  const nonNull = variants.filter((v) => v.type !== 'null');
  const nullable = nonNull.length < variants.length;
  const outer = { ...schema };
  delete outer.anyOf;
  if (nonNull.length === 1) return { schema: { ...nonNull[0], ...outer }, nullable };
  // e.g. "latest" or a 64-digit hash: one free-text string field, the server checks the rest.
  if (nonNull.length > 1 && nonNull.every((v) => v.type === 'string')) return { schema: { ...outer, type: 'string' }, nullable };
  return { schema, nullable };
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function isScalarUnion(type: unknown): boolean {
  return Array.isArray(type) && type.length > 0 && type.every((t) => t === 'string' || t === 'number' || t === 'boolean');
}

function scalarField(base: FieldBase, s: JsonSchema): ScalarField | null {
  if (Array.isArray(s.enum) && s.enum.every((o) => typeof o === 'string')) return { ...base, kind: 'enum', options: s.enum as string[] };
  if (typeof s.const === 'string') return { ...base, kind: 'enum', options: [s.const] };
  switch (s.type) {
    case 'integer':
    case 'number':
      return { ...base, kind: 'number', integer: s.type === 'integer', min: num(s.minimum), max: num(s.maximum), exclusiveMin: num(s.exclusiveMinimum), exclusiveMax: num(s.exclusiveMaximum) };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'string':
      return { ...base, kind: 'string', maxLength: num(s.maxLength), pattern: typeof s.pattern === 'string' ? s.pattern : undefined };
    default:
      return isScalarUnion(s.type) ? { ...base, kind: 'scalar' } : null;
  }
}

const portOf = (...schemas: JsonSchema[]) =>
  schemas.map((s) => s[COLUMN_PARAM_KEY]).find((v): v is string => typeof v === 'string' && v !== '');

/**
 * The empty choice of an optional column param, from what its help says leaving it empty does:
 * "leave empty to use the column whose role is target" → "use the column whose role is target".
 */
export function emptyChoiceLabel(description: string): string {
  const said = /\b(?:leave )?empty (to |for |uses |means )?([^;.]+)/i.exec(description);
  if (!said) return 'none';
  const [, how, what] = said;
  if (how === 'to ') return what.trim();
  if (how === 'uses ') return `use ${what.trim()}`;
  return `none: ${what.trim()}`;
}

/** `required` is whether the enclosing object lists this property as required (top level or a list row). */
export function fieldOf(name: string, raw: JsonSchema, required = false): ParamField {
  const { schema: s, nullable } = unwrap(raw);
  const base: FieldBase = { name, label: humanise(name), description: typeof raw.description === 'string' ? raw.description : typeof s.description === 'string' ? s.description : '', defaultValue: raw.default ?? s.default, nullable };
  const scalar = scalarField(base, s);
  if (scalar?.kind === 'string') {
    const port = portOf(raw, s);
    if (port) return { ...scalar, columnsOf: { port, emptyLabel: required ? null : emptyChoiceLabel(base.description) } };
    const dataset = [raw, s].map((x) => x[DATASET_PARAM_KEY]).find((v): v is DatasetRef => v === 'name' || v === 'version');
    if (dataset) return { ...scalar, dataset };
    // Code (the schema's 'x-code'): drawn as a code editor.
    return [raw, s].some((x) => x[CODE_PARAM_KEY] === 'javascript') ? { ...scalar, code: 'javascript' } : scalar;
  }
  if (scalar) return scalar;
  if (s.type === 'array' && isObject(s.items)) {
    const items = s.items;
    if (items.type === 'string' && !Array.isArray(items.enum)) {
      // Marked on the items (each names a column) or on the list itself; an empty list is always allowed.
      const port = portOf(items, raw, s);
      return port ? { ...base, kind: 'string-list', columnsOf: { port, emptyLabel: 'none' } } : { ...base, kind: 'string-list' };
    }
    if (isScalarUnion(items.type)) return { ...base, kind: 'string-list' };
    const variants = variantsOf(items);
    if (variants) return { ...base, kind: 'variant-list', ...variants };
    if (items.type === 'object' && isObject(items.properties)) {
      const required = Array.isArray(items.required) ? items.required.filter((r): r is string => typeof r === 'string') : [];
      const itemFields: RowField[] = [];
      for (const [key, sub] of Object.entries(items.properties)) {
        const field = isObject(sub) ? fieldOf(key, sub, required.includes(key)) : null;
        if (!field || field.kind === 'object-list' || field.kind === 'variant-list') return { ...base, kind: 'json' };
        itemFields.push(field);
      }
      return { ...base, kind: 'object-list', itemFields, required };
    }
  }
  return { ...base, kind: 'json' };
}

/**
 * `oneOf`/`anyOf` of objects that share one property holding a different string constant in each
 * (what zod writes for a discriminated union), or null when the items are not like that.
 */
function variantsOf(items: JsonSchema): { discriminator: string; variants: Variant[] } | null {
  const options = Array.isArray(items.oneOf) ? items.oneOf : Array.isArray(items.anyOf) ? items.anyOf : null;
  if (!options || options.length === 0 || !options.every((o) => isObject(o) && isObject(o.properties))) return null;
  const objects = options as (JsonSchema & { properties: Record<string, unknown> })[];
  const constOf = (o: JsonSchema, key: string) => {
    const prop = o.properties && isObject(o.properties) ? (o.properties as Record<string, unknown>)[key] : undefined;
    return isObject(prop) && typeof prop.const === 'string' ? prop.const : null;
  };
  const discriminator = Object.keys(objects[0].properties).find((key) => objects.every((o) => constOf(o, key) !== null));
  if (!discriminator) return null;
  const variants: Variant[] = [];
  for (const o of objects) {
    const value = constOf(o, discriminator)!;
    const prop = o.properties[discriminator] as JsonSchema;
    const required = Array.isArray(o.required) ? o.required.filter((r): r is string => typeof r === 'string' && r !== discriminator) : [];
    const fields: ParamField[] = [];
    for (const [key, sub] of Object.entries(o.properties)) {
      if (key === discriminator) continue;
      const field = isObject(sub) ? fieldOf(key, sub, required.includes(key)) : null;
      if (!field || field.kind === 'variant-list') return null;
      fields.push(field);
    }
    variants.push({ value, label: humanise(value), description: typeof prop.description === 'string' ? prop.description : '', fields, required });
  }
  return { discriminator, variants };
}

/** Every top-level param of a node, in declaration order. */
export function paramFields(schema: JsonSchema | undefined): ParamField[] {
  if (!schema || !isObject(schema.properties)) return [];
  const required = Array.isArray(schema.required) ? schema.required : [];
  return Object.entries(schema.properties).map(([name, sub]) => fieldOf(name, isObject(sub) ? sub : {}, required.includes(name)));
}

/** The top-level param an issue field such as 'params.gates.0.value' names, if any. */
export function paramOfIssueField(field: string | undefined): string | null {
  if (!field || !field.startsWith('params.')) return null;
  return field.split('.')[1] ?? null;
}

/**
 * A compile message, shortened for display under its own field: the compiler's messages start
 * with the node's name and the field path, which the form already shows.
 */
export function fieldMessage(message: string, field: string | undefined): string {
  if (!field) return message;
  const at = message.indexOf(`${field} `);
  if (at < 0) return message;
  const problem = message.slice(at + field.length + 1);
  const [, , ...rest] = field.split('.');
  const where = rest.length > 0 ? `${/^\d+$/.test(rest[0] ?? '') ? `Row ${Number(rest[0]) + 1}` : rest[0]}${rest.length > 1 ? `, ${rest.slice(1).join('.')}` : ''}: ` : '';
  return where ? `${where}${problem}` : problem.charAt(0).toUpperCase() + problem.slice(1);
}

/**
 * A node's compile issues by the param they name ('' for the rest, shown above the form). A param
 * the form has no field for (a misspelt key in a saved document) goes to '' too, with its whole
 * message, so it is never hidden.
 */
export function issuesByParam(
  issues: readonly { nodeId?: string; field?: string; message: string }[],
  nodeId: string,
  fields: readonly Pick<ParamField, 'name'>[],
): Map<string, string[]> {
  const names = new Set(fields.map((f) => f.name));
  const map = new Map<string, string[]>();
  for (const issue of issues) {
    if (issue.nodeId !== nodeId || !issue.field?.startsWith('params')) continue;
    const param = paramOfIssueField(issue.field);
    const name = param !== null && names.has(param) ? param : '';
    map.set(name, [...(map.get(name) ?? []), name ? fieldMessage(issue.message, issue.field) : issue.message]);
  }
  return map;
}
