// Test helper: a bundled sample dataset as a TableValue, read through the real ingest node.
import { sampleDatasetNode } from '../ingest/sample-dataset.node';
import type { SampleName } from '../ingest/samples/manifest';
import { fakeContext } from '../testing/fake-context';
import type { TableValue } from '../values';

export async function sampleTable(
  dataset: SampleName,
  readBundled: (relativePath: string) => Promise<Uint8Array>,
): Promise<TableValue> {
  const ctx = fakeContext({ readBundled });
  const { table } = await sampleDatasetNode.run({ inputs: {}, params: { dataset }, ctx });
  if (table.kind !== 'table') throw new Error('expected a table');
  return table;
}
