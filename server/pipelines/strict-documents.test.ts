// Every committed sample and template still parses and compiles now that unknown keys are errors
// (engine/unknown-keys.ts): nothing saved by the studio or shipped with it carries a stray key.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import { parseDocument } from '../../engine/document';
import Ajv2020 from 'ajv/dist/2020';
import { pipelineJsonSchema } from '../../nodes/pipeline-json-schema';
import { createRegistry } from '../../nodes/registry';
import { TEMPLATES } from './templates/catalogue';

const registry = createRegistry();
const validateJson = new Ajv2020({ strict: false }).compile(pipelineJsonSchema(registry));

describe('committed pipelines stay valid', () => {
  const samples = ['breast-cancer-classifier', 'breast-cancer-explore', 'card-fraud'];

  it.each(samples)('sample %s parses and compiles with no error', (name) => {
    const parsed = parseDocument(readFileSync(new URL(`./samples/${name}.json`, import.meta.url), 'utf8'));
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
    if (!parsed.ok) return;
    const result = compile(parsed.value, registry);
    expect(result.ok ? [] : result.error).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => t.id))('template %s parses and compiles with no error', (id) => {
    const doc = TEMPLATES.find((t) => t.id === id)!.build('p', 'P');
    const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
    expect(parsed.ok ? [] : parsed.error).toEqual([]);
    const result = compile(doc, registry);
    expect(result.ok ? [] : result.error).toEqual([]);
    // The published JSON Schema (docs/pipeline.schema.json) accepts it too.
    expect(validateJson(JSON.parse(JSON.stringify(doc))), JSON.stringify(validateJson.errors?.slice(0, 3))).toBe(true);
  });
});
