// Loads one of the CSV datasets bundled with the app; its cache key is the file's sha256.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { nodeRunError } from '../node-run-error';
import { sha256Hex } from '../../engine/hash';
import { withColumnSchema } from '../table/column-schema';
import { readCsvBytes } from './parse-csv';
import { SAMPLE_NAMES, sampleDataset } from './samples/manifest';

const params = z.object({
  dataset: z
    .enum(SAMPLE_NAMES)
    .default('breast-cancer')
    .describe('Bundled dataset: breast-cancer (binary), iris (multiclass) or diabetes (regression)'),
});

export const sampleDatasetNode = defineNode({
  type: 'ingest/sample-dataset',
  version: 1,
  title: 'Sample dataset',
  category: 'ingest',
  description: 'A small public dataset bundled with Pipeworks, with its target column marked.',
  inputs: [],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  sourceKey: ({ dataset }) => sampleDataset(dataset).sha256,
  async run({ params: { dataset }, ctx }) {
    const sample = sampleDataset(dataset);
    const bytes = await ctx.readBundled(`ingest/samples/${sample.file}`);
    ctx.signal.throwIfAborted();
    const actual = sha256Hex(bytes);
    if (actual !== sample.sha256) {
      throw nodeRunError(
        'artifact_corrupt',
        `Bundled dataset "${dataset}" (${sample.file}) has sha256 ${actual}, expected ${sample.sha256}`,
      );
    }
    const parsed = await readCsvBytes(bytes, { signal: ctx.signal });
    if (!parsed.columns.some((c) => c.name === sample.target)) {
      throw nodeRunError('node_failed', `Bundled dataset "${dataset}" has no column "${sample.target}"`);
    }
    const columns = parsed.columns.map((c) => (c.name === sample.target ? { ...c, role: 'target' as const } : c));
    const table = withColumnSchema(parsed.table, columns);
    ctx.log('info', `Loaded ${sample.title}: ${parsed.rows} rows, ${columns.length} columns, target "${sample.target}"`);
    ctx.progress(1);
    return { table: { kind: 'table', table, columns } };
  },
});
