// A NodeRunContext for unit tests that records logs and progress. Isomorphic: file access is injected.
import type { LogLevel, NodeRunContext, Placement } from '../../engine/node-definition';

export interface FakeContext extends NodeRunContext {
  logs: { level: LogLevel; message: string }[];
  progressed: { fraction: number; message?: string }[];
}

export function fakeContext(
  options: {
    readBundled?: (relativePath: string) => Promise<Uint8Array>;
    signal?: AbortSignal;
    runtime?: Placement;
  } = {},
): FakeContext {
  const logs: FakeContext['logs'] = [];
  const progressed: FakeContext['progressed'] = [];
  return {
    signal: options.signal ?? new AbortController().signal,
    runtime: options.runtime ?? 'server',
    logs,
    progressed,
    log: (level, message) => void logs.push({ level, message }),
    progress: (fraction, message) => void progressed.push({ fraction, message }),
    readBundled:
      options.readBundled ??
      (async (path) => {
        throw new Error(`fakeContext: no bundled file ${path}`);
      }),
  };
}
