// Reads a named dataset: its latest version, or a version pinned by its hash. A version is the
// sha256 of its Arrow table, so the cache key follows the data and never the name.
import { z } from 'zod';
import { DATASET_PARAM_KEY } from '../../engine/columns';
import { defineNode } from '../define-node';
import { decodeValue } from '../codec';
import { nodeRunError } from '../node-run-error';
import { columnInfos } from '../table/known-columns';

export const DATASET_VERSION_PATTERN = /^[0-9a-f]{64}$/;

const params = z.object({
  // Empty by default so a node fresh from the palette parses; compile then asks for a name.
  name: z.string().trim().max(100).default('').describe('Dataset name, as shown on the Datasets page').meta({ [DATASET_PARAM_KEY]: 'name' }),
  version: z
    .union([z.literal('latest'), z.string().regex(DATASET_VERSION_PATTERN, 'a version is "latest" or a 64-character hash')])
    .default('latest')
    .describe('"latest" follows new uploads; a version\'s hash pins the pipeline to it')
    .meta({ [DATASET_PARAM_KEY]: 'version' }),
});

export const datasetNode = defineNode({
  type: 'ingest/dataset',
  version: 1,
  title: 'Dataset',
  category: 'ingest',
  description: 'A dataset uploaded on the Datasets page or with `pipeworks ingest`, by name.',
  inputs: [],
  outputs: [{ name: 'table', kind: 'table', label: 'Table' }],
  params,
  runsOn: ['server', 'browser'],
  deterministic: true,
  sourceKey: ({ name, version }, env) => (version !== 'latest' ? version : (env.datasetHash?.(name) ?? null)),
  sourceBytes: ({ name, version }, env) => (name ? env.datasetBytes?.(name, version === 'latest' ? undefined : version) : undefined),
  sourceShape: ({ name, version }, env) => (name ? env.datasetShape?.(name, version === 'latest' ? undefined : version) : undefined),
  // The dataset's stored schema (the server reads it from the version row); unknown without a name.
  outputColumns: ({ name, version }, _inputs, env) => ({
    table: name ? columnInfos(env.datasetColumns?.(name, version === 'latest' ? undefined : version)) : null,
  }),
  async run({ params: { name, version }, ctx }) {
    if (!name) throw nodeRunError('invalid_input', 'Choose a dataset: the name is empty');
    const hash = version !== 'latest' ? version : ctx.sourceKey;
    if (!hash) throw nodeRunError('invalid_input', `Dataset "${name}" has no version yet; upload one on the Datasets page`);
    const value = decodeValue('table', await ctx.readArtifact(hash));
    if (value.kind !== 'table') throw nodeRunError('artifact_corrupt', `Dataset "${name}" version ${hash.slice(0, 12)} is not a table`);
    ctx.log('info', `Dataset "${name}" version ${hash.slice(0, 12)}: ${value.table.numRows} rows, ${value.columns.length} columns`);
    ctx.progress(1);
    return { table: value };
  },
});
