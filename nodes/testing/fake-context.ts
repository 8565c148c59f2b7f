// A NodeRunContext for unit tests that records logs and progress. Isomorphic: file access is injected.
import type { LogLevel, MlRuntime, NodeRunContext, Placement } from '../../engine/node-definition';

export interface FakeContext extends NodeRunContext {
  logs: { level: LogLevel; message: string }[];
  progressed: { fraction: number; message?: string; data?: Record<string, unknown> }[];
  backends: { backend: string; note?: string }[];
}

export function fakeContext(
  options: {
    readBundled?: (relativePath: string) => Promise<Uint8Array>;
    /** Artifacts by id; readArtifact answers from here. */
    artifacts?: Record<string, Uint8Array>;
    sourceKey?: string | null;
    signal?: AbortSignal;
    runtime?: Placement;
    ml?: MlRuntime;
  } = {},
): FakeContext {
  const logs: FakeContext['logs'] = [];
  const progressed: FakeContext['progressed'] = [];
  const backends: FakeContext['backends'] = [];
  return {
    signal: options.signal ?? new AbortController().signal,
    runtime: options.runtime ?? 'server',
    logs,
    progressed,
    log: (level, message) => void logs.push({ level, message }),
    backends,
    progress: (fraction, message, data) => void progressed.push({ fraction, message, data }),
    ml: options.ml ?? { backends: ['cpu'] },
    reportBackend: (backend, note) => void backends.push({ backend, note }),
    readBundled:
      options.readBundled ??
      (async (path) => {
        throw new Error(`fakeContext: no bundled file ${path}`);
      }),
    readArtifact: async (id) => {
      const bytes = options.artifacts?.[id];
      if (!bytes) throw new Error(`fakeContext: no artifact ${id}`);
      return bytes;
    },
    sourceKey: options.sourceKey,
  };
}
