// Keys a value carries that its zod schema does not name. zod's plain objects strip such keys
// silently, so a misspelt param ("treshold") would run as its default; compile and the document
// parser call this instead of making every schema strict, so no node can forget it.
import type { z } from 'zod';

export interface UnknownKey {
  /** Where the object holding the key sits, from the schema's root (list indexes as strings). */
  path: string[];
  key: string;
  /** The keys the schema names at that place, for "did you mean". */
  known: string[];
}

type Def = { type: string } & Record<string, unknown>;

const MAX_DEPTH = 32;

export function unknownKeys(schema: z.ZodType, value: unknown): UnknownKey[] {
  const found: UnknownKey[] = [];
  walk(schema, value, [], found, 0);
  return found;
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function walk(schema: z.ZodType, value: unknown, path: string[], found: UnknownKey[], depth: number): void {
  if (depth > MAX_DEPTH || value === undefined || value === null) return;
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return walkObject(def, value, path, found, depth);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType as z.ZodType, value, path, found, depth + 1);
    case 'pipe':
      // The input side is what a document holds; the output of a transform is not written by anyone.
      return walk(def.in as z.ZodType, value, path, found, depth + 1);
    case 'lazy':
      return walk((def.getter as () => z.ZodType)(), value, path, found, depth + 1);
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(def.element as z.ZodType, item, [...path, String(i)], found, depth + 1));
      return;
    case 'record':
      if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(def.valueType as z.ZodType, v, [...path, k], found, depth + 1);
      return;
    case 'intersection':
      return walkIntersection(def, value, path, found, depth);
    case 'union':
      return walkUnion(def, value, path, found, depth);
    default:
      return; // scalars, unknown/any, tuples and the like hold no named keys to check
  }
}

function walkObject(def: Def, value: unknown, path: string[], found: UnknownKey[], depth: number): void {
  if (!isRecord(value)) return; // a wrong type is zod's to report
  const shape = def.shape as Record<string, z.ZodType>;
  const catchall = def.catchall as z.ZodType | undefined;
  const open = catchall !== undefined && defOf(catchall).type !== 'never';
  const known = Object.keys(shape);
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(shape, key)) walk(shape[key], item, [...path, key], found, depth + 1);
    else if (open) walk(catchall, item, [...path, key], found, depth + 1);
    else found.push({ path, key, known });
  }
}

/** Both sides see the whole value, so a key is unknown only when neither side names it. */
function walkIntersection(def: Def, value: unknown, path: string[], found: UnknownKey[], depth: number): void {
  const left: UnknownKey[] = [];
  const right: UnknownKey[] = [];
  walk(def.left as z.ZodType, value, path, left, depth + 1);
  walk(def.right as z.ZodType, value, path, right, depth + 1);
  const id = (u: UnknownKey) => [...u.path, u.key].join('\u0000');
  const rightIds = new Set(right.map(id));
  for (const u of left) {
    if (!rightIds.has(id(u))) continue;
    const other = right.find((r) => id(r) === id(u))!;
    found.push({ ...u, known: [...new Set([...u.known, ...other.known])] });
  }
}

/** The option the value was meant for: the discriminator's match, else the option with the fewest unknown keys. */
function walkUnion(def: Def, value: unknown, path: string[], found: UnknownKey[], depth: number): void {
  let options = def.options as z.ZodType[];
  const discriminator = def.discriminator as string | undefined;
  if (discriminator !== undefined && isRecord(value)) {
    const matching = options.filter((o) => optionTakes(o, discriminator, value[discriminator]));
    if (matching.length === 0) return; // a wrong discriminator is zod's to report
    options = matching;
  }
  let best: UnknownKey[] | undefined;
  for (const option of options) {
    const here: UnknownKey[] = [];
    walk(option, value, path, here, depth + 1);
    if (best === undefined || here.length < best.length) best = here;
    if (best.length === 0) return;
  }
  found.push(...(best ?? []));
}

function optionTakes(option: z.ZodType, key: string, value: unknown): boolean {
  const values = (option as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues?.[key];
  return values === undefined || values.has(value);
}
