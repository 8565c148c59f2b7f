// Where a step runs, and why. One module so the rules the plan preview explains are the rules
// compile applies. Placement never enters a cache key: it is where a step runs, not what it does.
import type { Placement, PlacementSetting } from './node-definition';
import { estimateSeconds, formatSeconds, type BackendSpeed, type TrainingWork } from './training-speed';

/** What the browser starting a run offers. Absent when no browser takes part (CLI, schedule, API). */
export interface BrowserOffer {
  /** 'hardware': a real GPU adapter; 'software': a fallback adapter (e.g. SwiftShader); 'none'. For the UI: speed decides. */
  webgpu: 'hardware' | 'software' | 'none';
  /**
   * This browser's measured training speed per TF.js backend, in the runner's order: fastest
   * measured first (engine/backend-order.ts), which the runner trains on, so the first entry is
   * the one placement compares.
   * Absent when the probe has not run (or failed): then 'auto' keeps training on the server.
   */
  speeds?: BackendSpeed[];
}

/**
 * A queue worker's headless browser (`pipeworks worker --browser`), offered to runs no tab drives
 * (command line, schedule, API) in queue mode. It takes only TF.js training steps: the one kind of
 * step a GPU-capable browser speeds up. The best connected one is offered (server/queue/worker-browser.ts).
 */
export interface WorkerBrowserOffer {
  /** The worker, named in the reason. */
  workerId: string;
  webgpu: BrowserOffer['webgpu'];
  /** Its measured speed on the backend it trains on (its fastest); absent when its probe failed. */
  speed?: BackendSpeed;
}

export interface PlacementEnv {
  /** The runtime 'auto' prefers for steps no rule below decides (the server unless told otherwise). */
  defaultPlacement?: Placement;
  browser?: BrowserOffer;
  /** Where no tab takes part: a queue worker's headless browser, for TF.js training steps. Ignored when `browser` is set. */
  workerBrowser?: WorkerBrowserOffer;
  /** Data above this many bytes (the largest source a step depends on) stays on the server under 'auto'. */
  browserMaxBytes?: number;
  /** The server's measured training speed (its wasm backend); absent when it could not be measured. */
  serverSpeed?: BackendSpeed;
}

/**
 * A browser estimate must beat the server's by more than this share to move a step: within it,
 * the two are a tie, and a tie stays on the server, next to the data (moving the data to the
 * browser costs time the estimate does not count).
 */
export const TIE_MARGIN = 0.1;

export const DEFAULT_BROWSER_MAX_BYTES = 256 * 1024 * 1024;

/** Expected training time on each side, where both could be worked out. */
export interface PlacementEstimate {
  browser?: { seconds: number; backend: string };
  server?: { seconds: number; backend: string };
}

export interface PlacementDecision {
  placement: Placement;
  reason: string;
  /** For steps that train with TF.js: the estimates the preview shows (and 'auto' compared). */
  estimate?: PlacementEstimate;
  /** A TF.js training the browser could take, asked about by a browser that has no figures yet: measuring it could change the answer. */
  browserUnmeasured?: true;
}

export interface PlacementSubject {
  setting: PlacementSetting;
  /** Where the setting came from, for the reason text. */
  from: 'node' | 'pipeline' | 'default';
  runsOn: readonly Placement[];
  /** The node trains with TF.js: where it runs fastest depends on measured speed. */
  usesGpu?: boolean;
  /** How much training it does, when the data's size is known before running. */
  work?: TrainingWork;
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
  const estimate = subject.usesGpu ? estimateBoth(subject.work, env) : undefined;
  const decided = decideWith(subject, env, estimate);
  const unmeasured = subject.setting === 'auto' && subject.usesGpu && subject.runsOn.includes('browser') && subject.runsOn.includes('server') && env.browser !== undefined && !env.browser.speeds?.length && !overBrowserLimit(subject, env);
  return { ...decided, ...(estimate && (estimate.browser || estimate.server) ? { estimate } : {}), ...(unmeasured ? { browserUnmeasured: true as const } : {}) };
}

function decideWith(subject: PlacementSubject, env: PlacementEnv, estimate: PlacementEstimate | undefined): PlacementDecision {
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
    if (!env.browser) {
      const worker = workerBrowserFor(subject, env);
      if (worker) return browser(`Runs in the headless browser of queue worker ${worker.workerId}: ${whose}, and no tab takes part in this run`);
      const hint = subject.usesGpu ? ', and no connected queue worker offers a headless browser (`pipeworks worker --browser`)' : '';
      return server(`Runs on the server: ${whose} asks for the browser, but no browser takes part in this run (command line, schedule or API)${hint}`);
    }
    return browser(`Runs in the browser: ${whose}`);
  }
  if (!canBrowser) return server('Runs on the server: this node runs only there');
  if (!canServer) return browser('Runs in the browser: this node runs only there');
  if (!env.browser && !workerBrowserFor(subject, env)) {
    return resolvePlacement('auto', runsOn, env.defaultPlacement) === 'browser' ? browser('Runs in the browser (preferred runtime)') : server('Runs on the server: no browser takes part in this run');
  }
  if (overBrowserLimit(subject, env)) {
    return server(`Runs on the server: it depends on ${formatBytes(subject.dataBytes!)} of data, over the browser limit of ${formatBytes(env.browserMaxBytes ?? DEFAULT_BROWSER_MAX_BYTES)}`);
  }
  if (subject.usesGpu) return bySpeed(estimate ?? {}, subject, env);
  if (env.defaultPlacement === 'browser') return browser('Runs in the browser (preferred runtime)');
  return server('Runs on the server, next to the data: nothing here gains from the browser');
}

/** The worker's browser, where no tab takes part and the step trains with TF.js (the only steps it takes). */
function workerBrowserFor(subject: PlacementSubject, env: PlacementEnv): WorkerBrowserOffer | undefined {
  return !env.browser && subject.usesGpu ? env.workerBrowser : undefined;
}

/** The browser placement compares with the server: the tab's, else a queue worker's; its speed and its name in reasons. */
function browserSide(env: PlacementEnv): { speed?: BackendSpeed; here: string; runs: string; unmeasured: string } | undefined {
  if (env.browser) return { speed: env.browser.speeds?.[0], here: 'in this browser', runs: 'Runs in the browser', unmeasured: "this browser's training speed has not been measured (the plan preview measures it)" };
  const worker = env.workerBrowser;
  if (!worker) return undefined;
  const here = `in the headless browser of queue worker ${worker.workerId}`;
  return { speed: worker.speed, here, runs: `Runs ${here}`, unmeasured: `the headless browser of queue worker ${worker.workerId} could not measure its training speed` };
}

function overBrowserLimit(subject: PlacementSubject, env: PlacementEnv): boolean {
  return subject.dataBytes !== undefined && subject.dataBytes > (env.browserMaxBytes ?? DEFAULT_BROWSER_MAX_BYTES);
}

/** The browser backend the runner would train on, and the server's, each timed for this work. */
function estimateBoth(work: TrainingWork | undefined, env: PlacementEnv): PlacementEstimate | undefined {
  if (!work) return undefined;
  const mine = browserSide(env)?.speed;
  return {
    ...(mine ? { browser: { seconds: estimateSeconds(mine, work), backend: mine.backend } } : {}),
    ...(env.serverSpeed ? { server: { seconds: estimateSeconds(env.serverSpeed, work), backend: env.serverSpeed.backend } } : {}),
  };
}

/** 'auto' for a TF.js training: the browser only where its estimate is clearly the faster one. */
function bySpeed(estimate: PlacementEstimate, subject: PlacementSubject, env: PlacementEnv): PlacementDecision {
  const server = (reason: string): PlacementDecision => ({ placement: 'server', reason: `Runs on the server: ${reason}` });
  const side = browserSide(env);
  if (!side?.speed) return server(`${side?.unmeasured ?? 'no browser takes part in this run'}, so nothing shows it would be faster`);
  if (!env.serverSpeed) return server("the server's training speed could not be measured, so there is nothing to compare this browser with");
  if (!subject.work) return server('the size of its data is not known before it runs, so neither time can be estimated');
  const { browser: b, server: s } = estimate;
  if (!b || !s) throw new Error('bySpeed: both speeds and the work are known, yet an estimate is missing');
  const here = `about ${formatSeconds(b.seconds)} ${side.here} (${b.backend})`;
  const there = `about ${formatSeconds(s.seconds)} on the server (${s.backend})`;
  if (b.seconds < s.seconds * (1 - TIE_MARGIN)) return { placement: 'browser', reason: `${side.runs}: ${here} against ${there}` };
  if (b.seconds <= s.seconds) return server(`${there} against ${here}: within ${TIE_MARGIN * 100}%, a tie stays next to the data`);
  return server(`${there} against ${here}`);
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
