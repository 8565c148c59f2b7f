import { describe, expect, it } from 'vitest';
import { parseDocument, type PipelineDoc } from './document';
import { formatPipelineFile } from './pipeline-file';
import { linearDoc } from './test-doc';

const shuffled = (doc: PipelineDoc): PipelineDoc =>
  JSON.parse(
    JSON.stringify(doc, function (_key, value) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      return Object.fromEntries(Object.entries(value).reverse());
    }),
  );

describe('formatPipelineFile', () => {
  const doc: PipelineDoc = { ...linearDoc(), description: 'd' };
  doc.nodes[1].params = { zeta: 1, alpha: { b: 2, a: [{ y: 1, x: 2 }] } };

  it('writes the same bytes whatever order the keys came in', () => {
    expect(formatPipelineFile(shuffled(doc))).toBe(formatPipelineFile(doc));
  });

  it('keeps the frame in schema order, params sorted, one value per line, and parses back to the document', () => {
    const text = formatPipelineFile(doc);
    expect(Object.keys(JSON.parse(text))).toEqual(['schemaVersion', 'id', 'name', 'description', 'nodes', 'edges']);
    expect(Object.keys(JSON.parse(text).nodes[1])).toEqual(['id', 'type', 'version', 'params', 'position']);
    expect(text).toContain('"params": {\n        "alpha": {\n          "a": [\n            {\n              "x": 2,');
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = parseDocument(text);
    expect(parsed.ok && formatPipelineFile(parsed.value)).toBe(text);
  });

  it('puts a $schema pointer first when asked, which parsing ignores', () => {
    const text = formatPipelineFile(doc, '../docs/pipeline.schema.json');
    expect(text.startsWith('{\n  "$schema": "../docs/pipeline.schema.json",\n  "schemaVersion": 1,')).toBe(true);
    const parsed = parseDocument(text);
    expect(parsed.ok && formatPipelineFile(parsed.value)).toBe(formatPipelineFile(doc));
  });
});
