'use client';
// Loads a picked .onnx file in this browser (it is never uploaded) and holds the open session.
// Runs are queued one at a time: an onnxruntime session runs one inference at once.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Feed } from './feeds';
import { prepareOnnxModel, type OnnxSummary } from '../../engine/onnx/prepare-model';
import type { ZipMapInfo } from '../../engine/onnx/zipmap';
import { featureNamesFromMetadata } from './feature-names';
import { inputLayout, type InputLayout, type IoInfo } from './input-layout';
import { ioInfo } from './io-info';
import { openSession, type Provider, type ProviderNote } from './open-session';
import { browserSessionDeps } from './ort-browser';
import type { OutputTensor } from './output-columns';
import { runModel } from './run-model';

export interface LoadedModel {
  fileName: string;
  size: number;
  info: OnnxSummary;
  inputs: IoInfo[];
  outputs: IoInfo[];
  layout: InputLayout;
  provider: Provider;
  notes: ProviderNote[];
  loadMs: number;
  /** Tensor outputs; others (maps, sequences) cannot be fetched into the page. */
  fetched: string[];
  /** ZipMap outputs whose input tensor was exposed as an extra output, read as class probabilities. */
  zipMaps: ZipMapInfo[];
  /** Outputs the page added to the graph (a ZipMap's input tensor). */
  addedOutputs: string[];
  run: (feeds: Feed[]) => Promise<OutputTensor[]>;
}

export type ModelState =
  | { status: 'empty' }
  | { status: 'loading'; fileName: string }
  | { status: 'failed'; fileName: string; error: string; notes: ProviderNote[] }
  | { status: 'ready'; model: LoadedModel };

export function useOnnxModel(): { state: ModelState; load: (file: File) => void } {
  const [state, setState] = useState<ModelState>({ status: 'empty' });
  const latest = useRef(0);
  const release = useRef<(() => void) | null>(null);

  useEffect(() => () => release.current?.(), []);

  const load = useCallback((file: File) => {
    const attempt = ++latest.current;
    // The page stops showing the old model now, so its session can go once its last run ends.
    release.current?.();
    release.current = null;
    setState({ status: 'loading', fileName: file.name });
    void (async () => {
      const started = performance.now();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const prepared = prepareOnnxModel(bytes);
      if (!prepared.ok) {
        if (attempt === latest.current) setState({ status: 'failed', fileName: file.name, error: `${file.name} is not an ONNX model: ${prepared.error}.`, notes: [] });
        return;
      }
      const { summary, zipMaps } = prepared.value;
      const opened = await openSession(prepared.value.bytes, browserSessionDeps, summary.operators);
      if (!opened.ok) {
        if (attempt === latest.current) setState({ status: 'failed', fileName: file.name, error: opened.error, notes: opened.notes });
        return;
      }
      const { ort, session, provider, notes } = opened.value;
      if (attempt !== latest.current) {
        void session.release();
        return;
      }
      const inputs = summary.inputs.map(ioInfo);
      const outputs = summary.outputs.map(ioInfo);
      const fetched = outputs.filter((o) => o.isTensor).map((o) => o.name);
      const columns = Object.fromEntries(zipMaps.map((z) => [z.tensor, z.labels.map((label) => `${z.output}[${label}]`)]));
      let queue: Promise<unknown> = Promise.resolve();
      let released = false;
      const run = (feeds: Feed[]) => {
        if (released) return Promise.reject(new Error('This model was closed; load it again.'));
        const next = queue.then(() => runModel(ort, session, feeds, fetched, columns));
        queue = next.catch(() => undefined);
        return next;
      };
      release.current = () => {
        released = true;
        void queue.then(() => session.release());
      };
      setState({
        status: 'ready',
        model: {
          fileName: file.name,
          size: file.size,
          info: summary,
          inputs,
          outputs,
          layout: inputLayout(inputs, featureNamesFromMetadata(summary.metadata)),
          provider,
          notes,
          loadMs: performance.now() - started,
          fetched,
          zipMaps,
          addedOutputs: prepared.value.addedOutputs,
          run,
        },
      });
    })().catch((error: unknown) => {
      if (attempt === latest.current) setState({ status: 'failed', fileName: file.name, error: `Reading ${file.name} failed: ${(error as Error).message}`, notes: [] });
    });
  }, []);

  return { state, load };
}
