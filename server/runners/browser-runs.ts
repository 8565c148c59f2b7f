// Runs driven by a browser tab. The tab executes the plan (engine/execute in a Web Worker) and
// reports every event here; the server keeps the run's record, checks every output the tab
// claims, and marks the run interrupted when the tab stops being heard from, so a closed tab
// never leaves a run "running" forever. Such a run resumes on the server or in a browser from
// its last finished step.
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, like } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { sha256Hex } from '../../engine/hash';
import type { Plan, PlanStep } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { notifyRunChanged } from './run-events';

export const BROWSER_RUNNER = 'browser:web-worker';
const OWNER_PREFIX = 'browser:';

/** A fresh secret for one tab driving one run; the database keeps only its hash (as the owner). */
export function newBrowserToken(): { token: string; owner: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, owner: browserOwner(token) };
}

export function browserOwner(token: string): string {
  return `${OWNER_PREFIX}${sha256Hex(`pipeworks-run-token:${token}`).slice(0, 40)}`;
}

export function isBrowserOwner(owner: string | null): boolean {
  return owner?.startsWith(OWNER_PREFIX) ?? false;
}

/**
 * When each browser-driven run was last heard from. In memory: after a restart every tab gets a
 * fresh grace period. Held on globalThis: Next's server build can carry this module in more than
 * one chunk (the tRPC route that hears the tab, and the run manager's sweeper), and two Maps would
 * mark every browser run interrupted after the timeout however often its tab reported.
 */
const lastSeenKey = Symbol.for('pipeworks.browserRunsLastSeen');
const lastSeenHolder = globalThis as unknown as { [lastSeenKey]?: Map<string, number> };
const lastSeen = (lastSeenHolder[lastSeenKey] ??= new Map<string, number>());

export function touchBrowserRun(runId: string, now = Date.now()): void {
  lastSeen.set(runId, now);
}

/**
 * The run a tab may report to: it exists, is still running and is driven by this token. Anything
 * else is refused with the reason, so a stale tab stops instead of overwriting someone's resume.
 */
export async function browserRunFor(db: AnyDb, runId: string, token: string) {
  const { runs } = db.t;
  const run = first(await db.select().from(runs).where(eq(runs.id, runId)).limit(1));
  if (!run) throw new UserError(`Run ${runId} does not exist`);
  if (run.owner !== browserOwner(token)) {
    throw new UserError(`Run ${runId} is no longer driven by this tab${isBrowserOwner(run.owner) ? ' (another tab resumed it)' : ''}`);
  }
  if (run.status === 'interrupted') throw new UserError(`Run ${runId} was marked interrupted after this tab went quiet; resume it to continue`);
  touchBrowserRun(runId);
  return run;
}

export function planStep(plan: Plan, stepId: string): PlanStep {
  const step = plan.steps.find((s) => s.id === stepId);
  if (!step) throw new UserError(`Step "${stepId}" is not in this run's plan`);
  return step;
}

/** Marks a browser-driven run interrupted: half-done steps go back to queued, finished ones keep their outputs. */
export async function interruptRun(db: AnyDb, runId: string, reason: string): Promise<boolean> {
  const { runs, stepRuns } = db.t;
  const changed = await withTransaction(db, async (tx) => {
    const taken = await tx
      .update(runs)
      .set({ status: 'interrupted', errorCode: 'interrupted', errorMessage: reason })
      .where(and(eq(runs.id, runId), eq(runs.status, 'running'), like(runs.owner, `${OWNER_PREFIX}%`)))
      .returning({ id: runs.id });
    if (taken.length === 0) return false;
    await tx
      .update(stepRuns)
      .set({ status: 'queued', startedAt: null, progress: null, progressMessage: null })
      .where(and(eq(stepRuns.runId, runId), eq(stepRuns.status, 'running')));
    return true;
  });
  lastSeen.delete(runId);
  if (changed) notifyRunChanged(runId);
  return changed;
}

/** Marks interrupted every browser-driven run not heard from within `timeoutMs`. Returns their ids. */
export async function sweepBrowserRuns(db: AnyDb, timeoutMs: number, now = Date.now()): Promise<string[]> {
  const { runs } = db.t;
  const driven = await db
    .select({ id: runs.id })
    .from(runs)
    .where(and(inArray(runs.status, ['running', 'queued']), like(runs.owner, `${OWNER_PREFIX}%`)));
  const gone: string[] = [];
  for (const { id } of driven) {
    const seen = lastSeen.get(id);
    if (seen === undefined) {
      touchBrowserRun(id, now); // unknown since this process started: give the tab its full grace period
      continue;
    }
    if (now - seen < timeoutMs) continue;
    const seconds = Math.round((now - seen) / 1000);
    if (await interruptRun(db, id, `The browser tab running it went quiet ${seconds} s ago (closed, asleep or offline). Resume it on the server or in a browser; finished steps are kept.`)) {
      gone.push(id);
    }
  }
  return gone;
}

/**
 * A tab may run a plan's steps only with the node code the plan was keyed by (the build that
 * compiled it): otherwise it would store outputs under keys its own code did not compute. A tab
 * loaded before an upgrade is refused, the run fails with the reason, and the tab is told to
 * reload. A tab that names no build predates build checks, so it is refused as well.
 */
export async function assertSameBuild(db: AnyDb, run: { id: string; plan: unknown }, tabBuild: string | undefined, serverBuild: string | undefined): Promise<void> {
  const planned = (run.plan as Plan).build?.registryHash ?? serverBuild;
  if (tabBuild !== undefined && tabBuild === planned) return;
  const message =
    `Reload this page, then run again: it holds a different build of Pipeworks (${tabBuild ? tabBuild.slice(0, 12) : 'unknown'}) ` +
    `from the one that planned this run (${planned ? planned.slice(0, 12) : 'unknown'}), most likely because Pipeworks was upgraded ` +
    'since the page was loaded. No step ran in this tab, so no result is stored under a key its code did not compute.';
  await failStaleBuild(db, run.id, message);
  throw new UserError(message);
}

async function failStaleBuild(db: AnyDb, runId: string, message: string): Promise<void> {
  const { runs, stepRuns } = db.t;
  const now = Date.now();
  await withTransaction(db, async (tx) => {
    await tx
      .update(runs)
      .set({ status: 'failed', finishedAt: now, errorCode: 'stale_build', errorMessage: message })
      .where(and(eq(runs.id, runId), inArray(runs.status, ['queued', 'running'])));
    await tx
      .update(stepRuns)
      .set({ status: 'cancelled', finishedAt: now, errorCode: 'stale_build', errorMessage: 'Not run: the browser tab had a different build of Pipeworks' })
      .where(and(eq(stepRuns.runId, runId), inArray(stepRuns.status, ['queued', 'running'])));
  });
  notifyRunChanged(runId);
}
