// PipelineDoc: what the canvas saves and what gets versioned. Validated with zod at the edges,
// migrated forward through a numbered list so old saved documents keep loading.
import { z } from 'zod';
import { canonicalJSON, CanonicalJsonError } from './canonical-json';
import { didYouMean } from './did-you-mean';
import type { CompileIssue, CompileIssueCode } from './plan';
import { unknownKeys, type UnknownKey } from './unknown-keys';
import { err, ok, type Result } from './result';

export const CURRENT_SCHEMA_VERSION = 1;

const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, "_", "-" or "."');

export const nodeInstanceSchema = z.object({
  id,
  type: z.string().min(1).max(100),
  version: z.number().int().positive(),
  params: z.record(z.string(), z.unknown()).default({}),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }).default({ x: 0, y: 0 }),
  label: z.string().max(200).optional(),
  placement: z.enum(['auto', 'browser', 'server']).optional(),
});

export const edgeSchema = z.object({
  id,
  source: id,
  sourceHandle: z.string().min(1).max(64),
  target: id,
  targetHandle: z.string().min(1).max(64),
});

export const pipelineDocSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  nodes: z.array(nodeInstanceSchema).max(10_000),
  edges: z.array(edgeSchema).max(50_000),
  triggers: z.array(z.record(z.string(), z.unknown())).optional(),
  settings: z.object({ placement: z.enum(['auto', 'browser', 'server']).default('auto') }).optional(),
});

export type PipelineDoc = z.infer<typeof pipelineDocSchema>;
export type NodeInstance = z.infer<typeof nodeInstanceSchema>;
export type EdgeInstance = z.infer<typeof edgeSchema>;

/** Migration N takes a document at schemaVersion N and returns it at N + 1. */
const MIGRATIONS: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  // 0 → 1: the first drafts had no schemaVersion and called edges "links".
  0: (doc) => {
    const { links, ...rest } = doc as { links?: unknown };
    return { ...rest, edges: (rest as { edges?: unknown }).edges ?? links ?? [], schemaVersion: 1 };
  },
};

export function migrateDocument(input: Record<string, unknown>): Result<Record<string, unknown>, CompileIssue[]> {
  let doc = input;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (!Number.isInteger(version) || version < 0 || version > CURRENT_SCHEMA_VERSION) {
    return err([
      {
        severity: 'error',
        code: 'invalid_document',
        field: 'schemaVersion',
        message: `schemaVersion ${String(doc.schemaVersion)} is not supported (this version of Pipeworks reads up to ${CURRENT_SCHEMA_VERSION})`,
      },
    ]);
  }
  while (version < CURRENT_SCHEMA_VERSION) {
    doc = MIGRATIONS[version](doc);
    version += 1;
  }
  return ok(doc);
}

/** Parses untrusted JSON (a string or a value) into a PipelineDoc, or returns every problem found. */
export function parseDocument(input: unknown): Result<PipelineDoc, CompileIssue[]> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return err([{ severity: 'error', code: 'invalid_document', message: `Not valid JSON: ${(e as Error).message}` }]);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err([{ severity: 'error', code: 'invalid_document', message: 'A pipeline document must be a JSON object' }]);
  }
  const migrated = migrateDocument(value as Record<string, unknown>);
  if (!migrated.ok) return migrated;
  const { $schema: _editorHint, ...doc } = migrated.value; // "$schema" only points editors at docs/pipeline.schema.json
  const raw = doc as RawDoc;
  // zod strips keys it does not know; a misspelt one would vanish on save, so it is refused here.
  const unknown = unknownKeys(pipelineDocSchema, doc).map((u) => unknownFieldIssue(raw, u));
  const parsed = pipelineDocSchema.safeParse(doc);
  if (parsed.success && unknown.length === 0) return jsonValues(parsed.data);
  const invalid = parsed.success ? [] : parsed.error.issues.map((issue) => invalidIssue(raw, issue.path.map(String), issue.message));
  return err([...unknown, ...invalid]);
}

type RawDoc = { nodes?: Array<{ id?: unknown }>; edges?: Array<{ id?: unknown }> };

/** A problem at `path`, tied to the node or edge it sits in, named as the user knows it. */
function invalidIssue(raw: RawDoc, path: string[], problem: string, code: CompileIssueCode = 'invalid_document'): CompileIssue {
  const [head, index, ...rest] = path;
  const at = typeof index === 'string' ? Number(index) : NaN;
  if ((head === 'nodes' || head === 'edges') && Number.isInteger(at)) {
    const itemId = raw[head]?.[at]?.id;
    const known = typeof itemId === 'string' ? itemId : undefined;
    const word = head === 'nodes' ? 'Node' : 'Edge';
    return {
      severity: 'error',
      code,
      ...(head === 'nodes' ? { nodeId: known } : { edgeId: known }),
      field: [`${head}[${at}]`, ...rest].join('.'),
      message: `${word} ${known !== undefined ? `"${known}"` : `#${at}`}: ${rest.join('.') || word.toLowerCase()} ${problem}`,
    };
  }
  const field = path.join('.');
  return { severity: 'error', code, field, message: `${field || 'document'}: ${problem}` };
}

function unknownFieldIssue(raw: RawDoc, u: UnknownKey): CompileIssue {
  const hint = didYouMean(u.key, u.known) || ` (known fields: ${u.known.map((k) => `"${k}"`).join(', ')})`;
  const issue = invalidIssue(raw, [...u.path, u.key], `is not a known field.${hint}`, 'unknown_field');
  // The message names the key itself; "document" alone would hide it.
  // An empty key still needs a field, so the issue stays placed.
  if (u.path.length === 0) return { ...issue, field: u.key || '[""]', message: `"${u.key}" is not a known document field.${hint}` };
  return issue;
}

/**
 * A document is versioned by the hash of its canonical JSON, so a value JSON cannot hold (NaN,
 * Infinity, undefined in a list) is refused here with its place, not found later by the hasher.
 */
function jsonValues(doc: PipelineDoc): Result<PipelineDoc, CompileIssue[]> {
  try {
    canonicalJSON(doc);
    return ok(doc);
  } catch (e) {
    if (!(e instanceof CanonicalJsonError)) throw e;
    const problem = e.message.replace(/^Cannot write canonical JSON: /, '').replace(/ at \S+$/, '');
    const field = e.path.replace(/^\$\.?/, '');
    const match = /^nodes\[(\d+)\]\.?(.*)$/.exec(field);
    const nodeId = match ? doc.nodes[Number(match[1])]?.id : undefined;
    const where = nodeId === undefined ? field || 'document' : `Node "${nodeId}": ${match?.[2] || 'node'}`;
    return err([{ severity: 'error', code: 'invalid_document', nodeId, field: field || undefined, message: `${where} is not a JSON value (${problem})` }]);
  }
}
