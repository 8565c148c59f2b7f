// What passes between a queue worker (server/queue/headless-browser.ts) and the page its headless
// browser runs (components/runner/headless-page.ts): plain JSON through Playwright's evaluate and exposeFunction.
import type { LogLevel } from './node-definition';
import type { BrowserOffer } from './placement';
import type { BackendSpeed } from './training-speed';

/** What the page measured once at start. */
export interface HeadlessProbe {
  webgpu: BrowserOffer['webgpu'];
  /** e.g. "google swiftshader", as the adapter names itself. */
  adapter?: string;
  /** Measured backends, fastest first: the first is the one the page trains on and placement compares. */
  speeds: BackendSpeed[];
  failed: { backend: string; reason: string }[];
  /** The order the page tries backends in for a step. */
  backends: string[];
  /** The node code the page runs (nodes' implementation hashes), to match the worker's own. */
  registryHash: string | null;
  userAgent: string;
}

export type HeadlessMessage =
  | { type: 'log'; level: LogLevel; message: string }
  | { type: 'progress'; fraction: number; message?: string; data?: Record<string, unknown> };
