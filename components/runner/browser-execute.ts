// A browser run: the shared engine `execute` with the browser run context. Kept free of worker
// globals so the integration tests drive this very code from Node.
import { isAbortError, NodeRunError, UserError } from '../../engine/errors';
import { execute } from '../../engine/execute';
import type { CodeSandbox } from '../../engine/code-sandbox';
import type { ExecuteContext } from '../../engine/execute-types';
import type { NodeRegistry } from '../../engine/node-definition';
import type { RunStatus } from '../../engine/plan';
import type { ArtifactCache } from './artifact-cache';
import { runBrowserStep } from './browser-step';
import { createEventSender } from './event-sender';
import type { BrowserRunTicket } from './runner-protocol';
import type { ServerLink } from './server-link';

export interface BrowserRunOptions {
  link: ServerLink;
  cache: ArtifactCache;
  registry: NodeRegistry;
  backends: readonly string[];
  backendChoice?: string;
  wasmPath: string;
  /** Where code steps run (components/sandbox/); without one they refuse to run here. */
  sandbox?: CodeSandbox;
  signal: AbortSignal;
  /** The server said the run was cancelled. */
  onStop(): void;
  heartbeatMs?: number;
}

/**
 * A step's failure as the user should read it. In a browser there is no server log to point to,
 * so a node's own message is kept (as the server's step worker does), and so is the server's
 * message when it refused a request.
 */
async function withReadableErrors<T>(stepId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NodeRunError || error instanceof UserError || isAbortError(error)) throw error;
    const message = error instanceof Error && error.message ? error.message : String(error);
    throw new NodeRunError(stepId, 'node_failed', message);
  }
}

/**
 * Before any step: a plan keyed by other node code than this tab's (the server was upgraded since
 * the page loaded) is not run here. The server hears it first, so the run's record says why.
 */
async function refuseOtherBuild(ticket: BrowserRunTicket, options: BrowserRunOptions): Promise<void> {
  const planned = ticket.plan.build?.registryHash;
  if (planned !== undefined && planned === options.registry.build?.registryHash) return;
  // The server compares with the plan's build (its own for a plan stored before builds were
  // recorded), fails the run with the reason and refuses the call when they differ.
  await options.link.report([]);
  if (planned !== undefined) throw new UserError('Reload this page, then run again: Pipeworks was upgraded on the server since the page was loaded');
}

export async function executeInBrowser(ticket: BrowserRunTicket, options: BrowserRunOptions): Promise<RunStatus> {
  const { link } = options;
  await refuseOtherBuild(ticket, options);
  const sender = createEventSender({ report: (events) => link.report(events), onStop: options.onStop, heartbeatMs: options.heartbeatMs });
  const deps = { link, cache: options.cache, registry: options.registry, backends: options.backends, backendChoice: options.backendChoice, wasmPath: options.wasmPath, sandbox: options.sandbox };
  const ctx: ExecuteContext = {
    signal: options.signal,
    // A server-placed step and a browser step may overlap; two browser steps would only fight over the GPU.
    concurrency: 2,
    completed: new Map(ticket.completed),
    lookupCache: (step) => link.lookupCache(step.id),
    runStep: (step, inputs, hooks) =>
      withReadableErrors(step.id, () => (step.placement === 'server' ? link.runServerStep(step.id, inputs, hooks.signal) : runBrowserStep(deps, step, inputs, hooks))),
    onEvent: (event) => sender.send(event),
  };
  try {
    return await execute(ticket.plan, ctx);
  } finally {
    sender.close();
  }
}
