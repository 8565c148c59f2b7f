// One inference: plain feeds in, plain output tensors out. The runtime module is passed in because
// the page loads it lazily (and picks the build), while the tests use the Node build.
import type * as Ort from 'onnxruntime-web';
import type { Feed } from './feeds';
import type { OutputTensor } from './output-columns';

export type OrtModule = Pick<typeof Ort, 'Tensor' | 'InferenceSession' | 'env'>;

/**
 * Runs the model on `feeds`, fetching `outputNames` (tensor outputs; others cannot be read here).
 * `columns` names an output's columns (a ZipMap's class labels) when it has one per row.
 */
export async function runModel(
  ort: OrtModule,
  session: Ort.InferenceSession,
  feeds: readonly Feed[],
  outputNames: readonly string[],
  columns: Readonly<Record<string, readonly string[]>> = {},
): Promise<OutputTensor[]> {
  const tensors: Record<string, Ort.Tensor> = {};
  for (const f of feeds) tensors[f.name] = new ort.Tensor(f.type, f.data, f.dims);
  const results = await session.run(tensors, [...outputNames]);
  const out = outputNames.map((name) => {
    const t = results[name];
    return { name, type: t.type, dims: [...t.dims], data: t.data as OutputTensor['data'], columns: columns[name] };
  });
  for (const t of Object.values(results)) t.dispose?.();
  return out;
}
