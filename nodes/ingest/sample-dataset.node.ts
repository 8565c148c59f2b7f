// Loads one of the CSV datasets bundled with the app; its cache key is the file's sha256.
import { z } from 'zod';
import { defineNode } from '../define-node';
import { nodeRunError } from '../node-run-error';
import { sha256Hex } from '../../engine/hash';
import { withColumnSchema } from '../table/column-schema';
import { readCsvBytes } from './parse-csv';
import { sampleColumns, sampleRoles } from './sample-columns';
import { SAMPLE_DATASETS, SAMPLE_NAMES, sampleDataset } from './samples/manifest';

const params = z.object({
  dataset: z
    .enum(SAMPLE_NAMES)
    .default('breast-cancer')
    .describe(`Bundled dataset: ${SAMPLE_DATASETS.map((d) => `${d.name} (${d.task}, target ${d.target})`).join(', ')}`),
});

export const sampleDatasetNode = defineNode({
  type: 'ingest/sample-dataset',
  version: 1,
  title: 'Sample dataset',
  category: 'ingest',
  description:
    'A small public dataset bundled with Pipeworks, with its target column marked (and, for a time series, its time column).',
  inputs: [],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['browser', 'server'],
  deterministic: true,
  sourceKey: ({ dataset }) => sampleDataset(dataset).sha256,
  sourceShape: ({ dataset }) => ({ rows: sampleDataset(dataset).rows, columns: sampleDataset(dataset).columns }),
  // From the manifest, which manifest.test.ts pins to the file: a new sample needs only its `schema` there.
  outputColumns: ({ dataset }) => ({ table: sampleColumns(sampleDataset(dataset)) }),
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
    const roles = sampleRoles(sample);
    for (const name of roles.keys()) {
      if (!parsed.columns.some((c) => c.name === name)) {
        throw nodeRunError('node_failed', `Bundled dataset "${dataset}" has no column "${name}"`);
      }
    }
    const columns = parsed.columns.map((c) => {
      const role = roles.get(c.name);
      return role === undefined ? c : { ...c, role };
    });
    const time = columns.find((c) => c.role === 'time');
    if (time && time.type !== 'datetime') {
      throw nodeRunError('node_failed', `Bundled dataset "${dataset}": time column "${time.name}" read as ${time.type}, not datetime`);
    }
    const table = withColumnSchema(parsed.table, columns);
    const timeNote = time ? `, time "${time.name}"` : '';
    ctx.log('info', `Loaded ${sample.title}: ${parsed.rows} rows, ${columns.length} columns, target "${sample.target}"${timeNote}`);
    ctx.progress(1);
    return { table: { kind: 'table', table, columns } };
  },
});
