// onnxruntime-node behind two calls: open a model's bytes, score feeds laid out by nodes/onnx's
// onnxFeeds. One intra-op thread: serving scales by processes, and the studio shares its cores.
import * as ort from 'onnxruntime-node';
import type { OnnxFeed } from '../../nodes/onnx/onnx-feeds';

export type OnnxOutputs = Record<string, { dims: readonly number[]; data: Float64Array | string[] }>;

export async function openOnnx(bytes: Uint8Array): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(bytes, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
}

export async function runOnnx(session: ort.InferenceSession, feeds: Record<string, OnnxFeed>): Promise<OnnxOutputs> {
  const tensors: Record<string, ort.Tensor> = {};
  for (const [name, feed] of Object.entries(feeds)) tensors[name] = new ort.Tensor(feed.type, feed.data, feed.dims);
  const results = await session.run(tensors);
  const out: OnnxOutputs = {};
  for (const [name, tensor] of Object.entries(results)) {
    const data = tensor.type === 'string' ? (tensor.data as string[]) : Float64Array.from(tensor.data as ArrayLike<number>);
    out[name] = { dims: tensor.dims, data };
  }
  return out;
}
