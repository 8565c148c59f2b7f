// What crosses between the page and the runner's Web Worker. Plain data only: it is structured-cloned.
import type { RunStatus } from '../../engine/plan';
import type { ArtifactRef, Plan } from '../../engine/plan';

export interface BrowserRunTicket {
  runId: string;
  /** The secret the server gave this tab for this run. */
  token: string;
  plan: Plan;
  /** Steps finished before (a resumed run): their outputs, by step id. */
  completed: [string, Record<string, ArtifactRef>][];
}

export type ToWorker =
  /** `backends` in the order to try (fastest measured first); `backendChoice` says why, for the step log. */
  | ({ type: 'start'; origin: string; backends: readonly string[]; backendChoice?: string } & BrowserRunTicket)
  | { type: 'cancel'; runId: string }
  /** A port to a fresh code sandbox frame (components/sandbox/), or why the page could not open one. */
  | { type: 'sandbox'; port: MessagePort }
  | { type: 'sandbox-failed'; message: string };

export type FromWorker =
  | { type: 'finished'; runId: string; status: RunStatus }
  /** The run could not go on (the server refused its reports, or the tab lost the network for good). */
  | { type: 'failed'; runId: string; message: string }
  | { type: 'cache'; persistent: boolean; note?: string }
  /** A code step needs a sandbox: a Worker cannot frame a document, so the page opens one. */
  | { type: 'sandbox' };
