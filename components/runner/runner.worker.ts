// The browser runner: a Web Worker that executes a plan through the same engine `execute` as the
// server, with a browser run context (browser-execute.ts). Browser-placed steps run here; the
// server runs the server-placed steps of a mixed plan on request; every event is reported to the
// server, which keeps the one version history.
/// <reference lib="webworker" />
import '@tensorflow/tfjs-backend-webgpu';
import { createRegistry } from '../../nodes/registry';
import { BrowserSandbox } from '../sandbox/browser-sandbox';
import { openArtifactCache, type ArtifactCache } from './artifact-cache';
import { TFJS_WASM_PREFIX } from './browser-ml';
import { executeInBrowser } from './browser-execute';
import type { FromWorker, ToWorker } from './runner-protocol';
import { createServerLink } from './server-link';

declare const self: DedicatedWorkerGlobalScope;

// Test-only node types are included: the server's compile already decided which types a plan may use.
const registry = createRegistry({ testNodes: true });
const controllers = new Map<string, AbortController>();
let cache: Promise<ArtifactCache> | undefined;

const post = (message: FromWorker) => self.postMessage(message);

// One sandbox connection per runner; the page opens a new frame whenever the last one died.
let portAsked: { resolve(port: MessagePort): void; reject(error: Error): void } | null = null;
const sandbox = new BrowserSandbox(
  () =>
    new Promise<MessagePort>((resolve, reject) => {
      portAsked?.reject(new Error('superseded'));
      portAsked = { resolve, reject };
      post({ type: 'sandbox' });
    }),
);

function artifactCache(): Promise<ArtifactCache> {
  cache ??= openArtifactCache().then((opened) => {
    post({ type: 'cache', persistent: opened.persistent, ...(opened.fallbackReason && { note: opened.fallbackReason }) });
    return opened;
  });
  return cache;
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const message = e.data;
  if (message.type === 'cancel') controllers.get(message.runId)?.abort();
  else if (message.type === 'sandbox') portAsked?.resolve(message.port);
  else if (message.type === 'sandbox-failed') portAsked?.reject(new Error(message.message));
  else void start(message);
};

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const { runId } = message;
  const controller = new AbortController();
  controllers.set(runId, controller);
  try {
    const status = await executeInBrowser(message, {
      link: createServerLink(message.origin, runId, message.token, registry.build?.registryHash),
      cache: await artifactCache(),
      registry,
      backends: message.backends,
      ...(message.backendChoice && { backendChoice: message.backendChoice }),
      wasmPath: `${message.origin}${TFJS_WASM_PREFIX}`,
      sandbox,
      signal: controller.signal,
      onStop: () => controller.abort(),
    });
    post({ type: 'finished', runId, status });
  } catch (error) {
    post({ type: 'failed', runId, message: error instanceof Error ? error.message : String(error) });
  } finally {
    controllers.delete(runId);
  }
}
