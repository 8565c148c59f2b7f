// One inference: plain feeds in, plain output tensors out. The runtime module is passed in because
// the page loads it lazily (and picks the build), while the tests use the Node build.
import type * as Ort from 'onnxruntime-web';
import type { Feed } from './feeds';
import type { IoInfo } from './input-layout';
import type { OutputTensor } from './output-columns';

export type OrtModule = Pick<typeof Ort, 'Tensor' | 'InferenceSession' | 'env'>;

/** Inputs or outputs as the page shows them; older runtimes without metadata give names only. */
export function describeValues(session: Ort.InferenceSession, which: 'input' | 'output'): IoInfo[] {
  const metadata = which === 'input' ? session.inputMetadata : session.outputMetadata;
  const names = which === 'input' ? session.inputNames : session.outputNames;
  if (!metadata) return names.map((name) => ({ name, isTensor: true, type: 'unknown', shape: null }));
  return metadata.map((m) => (m.isTensor ? { name: m.name, isTensor: true, type: m.type, shape: m.shape } : { name: m.name, isTensor: false, type: 'non-tensor', shape: null }));
}

/** Runs the model on `feeds`, fetching `outputNames` (tensor outputs; others cannot be read here). */
export async function runModel(ort: OrtModule, session: Ort.InferenceSession, feeds: readonly Feed[], outputNames: readonly string[]): Promise<OutputTensor[]> {
  const tensors: Record<string, Ort.Tensor> = {};
  for (const f of feeds) tensors[f.name] = new ort.Tensor(f.type, f.data, f.dims);
  const results = await session.run(tensors, [...outputNames]);
  const out = outputNames.map((name) => {
    const t = results[name];
    return { name, type: t.type, dims: [...t.dims], data: t.data as OutputTensor['data'] };
  });
  for (const t of Object.values(results)) t.dispose?.();
  return out;
}
