// A pipeline document as a file in git: readable JSON with a fixed key order, so an export of the
// same document is the same bytes and an edit shows as the lines it changed. Frame keys (document,
// node, edge) keep the schema's order, which reads naturally (id, type, version, params…); inside
// params and triggers keys are sorted, so the order a form happened to write them in never shows.
import { edgeSchema, nodeInstanceSchema, pipelineDocSchema, type PipelineDoc } from './document';

type Json = Record<string, unknown>;

const DOC_KEYS = Object.keys(pipelineDocSchema.shape);
// What a node is before how it is set and where it sits; any key the schema adds later follows.
const NODE_KEYS = [...new Set(['id', 'type', 'version', 'label', 'placement', 'params', 'position', ...Object.keys(nodeInstanceSchema.shape)])];
const EDGE_KEYS = Object.keys(edgeSchema.shape);

/** `schema`: where editors find docs/pipeline.schema.json from the file, written first as `$schema`. */
export function formatPipelineFile(doc: PipelineDoc, schema?: string): string {
  const ordered = inOrder(doc as unknown as Json, DOC_KEYS, (key, value) => {
    if (key === 'nodes') return (value as Json[]).map((n) => inOrder(n, NODE_KEYS, (_k, v) => sorted(v)));
    if (key === 'edges') return (value as Json[]).map((e) => inOrder(e, EDGE_KEYS, (_k, v) => v));
    return sorted(value);
  });
  return `${JSON.stringify(schema === undefined ? ordered : { $schema: schema, ...ordered }, null, 2)}\n`;
}

function inOrder(source: Json, keys: readonly string[], map: (key: string, value: unknown) => unknown): Json {
  const out: Json = {};
  // Keys the schema names, in its order; anything else (none after parsing) after them, sorted.
  for (const key of [...keys, ...Object.keys(source).filter((k) => !keys.includes(k)).sort()]) {
    if (Object.hasOwn(source, key) && source[key] !== undefined) out[key] = map(key, source[key]);
  }
  return out;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const key of Object.keys(value).sort()) out[key] = sorted((value as Json)[key]);
  return out;
}
