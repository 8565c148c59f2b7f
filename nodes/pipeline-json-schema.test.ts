// docs/pipeline.schema.json is generated (refresh with `npx vitest run --project unit nodes/pipeline-json-schema.test.ts -u`);
// it must accept every committed sample and template and refuse what compile refuses: a misspelt key.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { pipelineJsonSchema } from './pipeline-json-schema';
import { createRegistry } from './registry';

const schema = pipelineJsonSchema(createRegistry());
const validate = new Ajv2020({ allErrors: false, strict: false }).compile(schema);
const SAMPLES = ['breast-cancer-classifier', 'breast-cancer-explore', 'card-fraud'];
const sample = (name: string) => JSON.parse(readFileSync(new URL(`../server/pipelines/samples/${name}.json`, import.meta.url), 'utf8'));

describe('the published pipeline JSON Schema', () => {
  it('is up to date with the zod schemas', async () => {
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot('../docs/pipeline.schema.json');
  });

  it.each(SAMPLES)('accepts the sample %s', (name) => {
    expect(validate(sample(name)), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('accepts the CI example docs/ci/churn.json, which points at it', () => {
    const doc = JSON.parse(readFileSync(new URL('../docs/ci/churn.json', import.meta.url), 'utf8'));
    expect(validate(doc), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('accepts a "$schema" pointer to itself', () => {
    expect(validate({ $schema: '../docs/pipeline.schema.json', ...sample('breast-cancer-explore') })).toBe(true);
  });

  it('refuses a misspelt param, node key and edge key', () => {
    const misspelt = (edit: (doc: { nodes: Record<string, unknown>[]; edges: Record<string, unknown>[] }) => void) => {
      const doc = sample('breast-cancer-classifier');
      edit(doc);
      return validate(doc);
    };
    expect(misspelt(() => {})).toBe(true);
    expect(misspelt((d) => ((d.nodes.find((n) => n.type === 'evaluate/model')!.params as Record<string, unknown>).treshold = 0.9))).toBe(false);
    expect(misspelt((d) => (d.nodes[0].lable = 'x'))).toBe(false);
    expect(misspelt((d) => (d.edges[0].targetHandel = 'x'))).toBe(false);
  });
});
