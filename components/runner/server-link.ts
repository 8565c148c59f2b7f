// Everything the browser runner asks of the server, over plain HTTP from inside the Web Worker:
// the runner API (tRPC) for cache look-ups, events and server-placed steps, and the artifact
// routes for bytes. Downloads are verified against their hash before anything reads them.
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from '@trpc/client';
import superjson from 'superjson';
import { NodeRunError } from '../../engine/errors';
import type { CacheHit, ExecuteEvent, StepRunResult } from '../../engine/execute-types';
import { sha256Hex } from '../../engine/hash';
import type { ArtifactRef } from '../../engine/plan';
import type { PortKind } from '../../engine/port-kinds';
import type { AppRouter } from '../trpc/router-types';

export interface ServerLink {
  lookupCache(stepId: string): Promise<CacheHit | null>;
  report(events: ExecuteEvent[]): Promise<{ stop: boolean }>;
  runServerStep(stepId: string, inputs: Record<string, ArtifactRef>, signal: AbortSignal): Promise<StepRunResult>;
  /** True when the server already holds the artifact (so an upload is skipped). */
  hasArtifact(id: string): Promise<boolean>;
  uploadArtifact(id: string, kind: PortKind, bytes: Uint8Array): Promise<void>;
  downloadArtifact(id: string): Promise<Uint8Array>;
  readBundled(relativePath: string): Promise<Uint8Array>;
}

/** `headers` is for callers without a browser's cookie jar (tests, scripts): e.g. the session cookie. */
/** `build`: the registry hash of this tab's node code; the server refuses a run planned by another. */
export function createServerLink(origin: string, runId: string, token: string, build: string | undefined, headers: Record<string, string> = {}): ServerLink {
  const url = `${origin}/api/trpc`;
  // The long server-placed steps go unbatched, so a quick report never waits behind them.
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.path === 'runner.runServerStep',
        true: httpLink({ url, transformer: superjson, headers }),
        false: httpBatchLink({ url, transformer: superjson, headers }),
      }),
    ],
  });
  const run = { runId, token, build };
  const artifactUrl = (id: string) => `${origin}/api/artifacts/${id}`;

  return {
    lookupCache: (stepId) => client.runner.lookupCache.mutate({ ...run, stepId }),
    report: (events) => client.runner.report.mutate({ ...run, events: events as never }),
    async runServerStep(stepId, inputs, signal) {
      const done = await client.runner.runServerStep.mutate({ ...run, stepId, inputs }, { signal });
      if (!done.ok) throw new NodeRunError(stepId, done.code, done.message);
      return done.result;
    },
    async hasArtifact(id) {
      const res = await fetch(artifactUrl(id), { method: 'HEAD', credentials: 'same-origin', headers });
      if (res.status === 200) return true;
      if (res.status === 404) return false;
      throw new Error(`The server could not say whether it has artifact ${id.slice(0, 12)}… (HTTP ${res.status})`);
    },
    async uploadArtifact(id, kind, bytes) {
      const res = await fetch(`${artifactUrl(id)}?kind=${kind}`, { method: 'PUT', body: bytes as BodyInit, credentials: 'same-origin', headers: { ...headers, 'content-type': 'application/octet-stream' } });
      if (!res.ok) throw new Error(`Uploading artifact ${id.slice(0, 12)}… failed: ${await errorText(res)}`);
    },
    async downloadArtifact(id) {
      const res = await fetch(artifactUrl(id), { credentials: 'same-origin', headers });
      if (!res.ok) throw new Error(`Downloading artifact ${id.slice(0, 12)}… failed: ${await errorText(res)}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (sha256Hex(bytes) !== id) throw new Error(`Artifact ${id.slice(0, 12)}… arrived damaged (its bytes do not match its hash)`);
      return bytes;
    },
    async readBundled(relativePath) {
      const res = await fetch(`${origin}/api/bundled/${relativePath}`, { credentials: 'same-origin', headers });
      if (!res.ok) throw new Error(`Bundled file "${relativePath}" could not be fetched: ${await errorText(res)}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  };
}

async function errorText(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string') return `${body.error} (HTTP ${res.status})`;
  } catch {
    // not JSON: the status says enough
  }
  return `HTTP ${res.status}`;
}
