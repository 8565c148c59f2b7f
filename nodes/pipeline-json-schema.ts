// The JSON Schema of a pipeline document, generated from the same zod schemas compile uses
// (engine/document.ts for the frame, each node's params for its own entry), so editors complete
// and check pipeline files ("$schema": ".../docs/pipeline.schema.json"). Like compile, it refuses
// keys a schema does not name; docs/pipeline.schema.json is this function's output, kept current by a test.
import { z } from 'zod';
import { pipelineDocSchema } from '../engine/document';
import type { NodeRegistry } from '../engine/node-definition';

type Json = Record<string, unknown>;

const OPTIONS = { io: 'input', unrepresentable: 'any' } as const;

export function pipelineJsonSchema(registry: NodeRegistry): Json {
  const doc = z.toJSONSchema(pipelineDocSchema, OPTIONS) as Json;
  const properties = doc.properties as Record<string, Json>;
  const nodeFrame = (properties.nodes.items ?? {}) as Json;
  const nodeTypes = [...registry.list()]
    .sort((a, b) => a.type.localeCompare(b.type) || a.version - b.version)
    .map((def) => {
      const { $schema: _, ...params } = z.toJSONSchema(def.params, OPTIONS) as Json;
      const frameProps = nodeFrame.properties as Record<string, Json>;
      return {
        ...nodeFrame,
        title: `${def.title} (${def.type} version ${def.version})`,
        description: def.description,
        properties: { ...frameProps, type: { const: def.type }, version: { const: def.version }, params: { default: {}, ...params } },
      };
    });
  const schema: Json = {
    $schema: doc.$schema,
    $id: 'https://pipeworks.dev/schemas/pipeline.schema.json',
    title: 'Pipeworks pipeline document',
    ...doc,
    properties: {
      $schema: { type: 'string', description: 'Where editors find this schema; Pipeworks ignores it' },
      ...properties,
      nodes: { ...properties.nodes, items: { anyOf: nodeTypes } },
    },
  };
  return closeObjects(schema) as Json;
}

/** zod's input-side schemas leave objects open (zod strips extras); compile refuses them, so the schema does too. */
function closeObjects(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(closeObjects);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) out[k] = closeObjects(v);
  if (out.type === 'object' && out.properties !== undefined && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
