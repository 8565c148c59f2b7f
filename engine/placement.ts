// Where a step runs, and why. One module so the rules the plan preview explains are the rules
// compile applies. Placement never enters a cache key: it is where a step runs, not what it does.
import type { Placement, PlacementSetting } from './node-definition';

/** What the browser starting a run offers. Absent when no browser takes part (CLI, schedule, API). */
export interface BrowserOffer {
  /** 'hardware': a real GPU adapter; 'software': a fallback adapter (e.g. SwiftShader); 'none'. */
  webgpu: 'hardware' | 'software' | 'none';
}

export interface PlacementEnv {
  /** The runtime 'auto' prefers for steps no rule below decides (the server unless told otherwise). */
  defaultPlacement?: Placement;
  browser?: BrowserOffer;
  /** Data above this many bytes (the largest source a step depends on) stays on the server under 'auto'. */
  browserMaxBytes?: number;
}

export const DEFAULT_BROWSER_MAX_BYTES = 256 * 1024 * 1024;

export interface PlacementDecision {
  placement: Placement;
  reason: string;
}

export interface PlacementSubject {
  setting: PlacementSetting;
  /** Where the setting came from, for the reason text. */
  from: 'node' | 'pipeline' | 'default';
  runsOn: readonly Placement[];
  /** The node trains with TF.js, so a GPU makes it faster. */
  usesGpu?: boolean;
  /** The largest source (ingested data) this step depends on, when known. */
  dataBytes?: number;
}

/**
 * A fixed setting is honoured or refused (null). 'auto' picks the preferred runtime (the server
 * unless the caller says otherwise) when the node runs there, else the other one it supports.
 */
export function resolvePlacement(
  setting: PlacementSetting,
  runsOn: readonly Placement[],
  preferred: Placement = 'server',
): Placement | null {
  if (setting !== 'auto') return runsOn.includes(setting) ? setting : null;
  if (runsOn.includes(preferred)) return preferred;
  const other: Placement = preferred === 'server' ? 'browser' : 'server';
  return runsOn.includes(other) ? other : null;
}

/** The placement of a step that passed resolvePlacement, with the rule that chose it. */
export function decidePlacement(subject: PlacementSubject, env: PlacementEnv = {}): PlacementDecision {
  const { setting, runsOn } = subject;
  const server = (reason: string): PlacementDecision => ({ placement: 'server', reason });
  const browser = (reason: string): PlacementDecision => ({ placement: 'browser', reason });
  const canServer = runsOn.includes('server');
  const canBrowser = runsOn.includes('browser');
  if (setting !== 'auto') {
    const whose = subject.from === 'node' ? "this node's setting" : "the pipeline's setting";
    if (setting === 'server' || !canServer) {
      return setting === 'server' ? server(`Runs on the server: ${whose}`) : browser(`Runs in the browser: ${whose}`);
    }
    if (!env.browser) return server(`Runs on the server: ${whose} asks for the browser, but no browser takes part in this run (command line, schedule or API)`);
    return browser(`Runs in the browser: ${whose}`);
  }
  if (!canBrowser) return server('Runs on the server: this node runs only there');
  if (!canServer) return browser('Runs in the browser: this node runs only there');
  if (!env.browser) return resolvePlacement('auto', runsOn, env.defaultPlacement) === 'browser' ? browser('Runs in the browser (preferred runtime)') : server('Runs on the server: no browser takes part in this run');
  const limit = env.browserMaxBytes ?? DEFAULT_BROWSER_MAX_BYTES;
  if (subject.dataBytes !== undefined && subject.dataBytes > limit) {
    return server(`Runs on the server: it depends on ${formatBytes(subject.dataBytes)} of data, over the browser limit of ${formatBytes(limit)}`);
  }
  if (subject.usesGpu) {
    if (env.browser.webgpu === 'hardware') return browser("Runs in the browser: it trains with TF.js, and this browser has a WebGPU adapter");
    const why = env.browser.webgpu === 'software' ? 'only a software WebGPU adapter' : 'no WebGPU adapter';
    return server(`Runs on the server: this browser has ${why}, so training here would be no faster`);
  }
  if (env.defaultPlacement === 'browser') return browser('Runs in the browser (preferred runtime)');
  return server('Runs on the server, next to the data: nothing here gains from the browser');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
