// Resuming an interrupted run (its browser tab went away) from its last finished step: on the
// server, which then runs every remaining step itself, or in a browser, which takes over with a
// fresh token. Finished steps keep their outputs either way; their artifacts are already stored.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { ArtifactRef, Plan } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { serverRegistry } from '../pipelines/registry';
import { getRunManager } from '../runtime';
import { newBrowserToken } from './browser-runs';
import { notifyRunChanged } from './run-events';
import { prepareResume } from './run-store';

export type ResumeResult =
  | { runId: string; where: 'server' }
  | { runId: string; where: 'browser'; token: string; plan: Plan; completed: [string, Record<string, ArtifactRef>][] };

export async function resumeRun(db: AnyDb, runId: string, where: 'server' | 'browser'): Promise<ResumeResult> {
  const { runs } = db.t;
  const run = first(await db.select().from(runs).where(eq(runs.id, runId)).limit(1));
  if (!run) throw new UserError(`Run ${runId} does not exist`);
  if (run.status !== 'interrupted') throw new UserError(`Run ${runId} is ${run.status}; only an interrupted run can be resumed`);
  const plan = run.plan;
  if (where === 'server') {
    const registry = serverRegistry();
    const unplaceable = plan.steps.find((s) => s.placement === 'browser' && !registry.get(s.type, s.version)?.runsOn.includes('server'));
    if (unplaceable) throw new UserError(`Step "${unplaceable.label ?? unplaceable.id}" runs only in a browser; resume this run in a browser`);
    const onServer: Plan = {
      ...plan,
      steps: plan.steps.map((s) => (s.placement === 'server' ? s : { ...s, placement: 'server', placementReason: 'Runs on the server: the run was resumed there after its browser tab went away' })),
    };
    const taken = await db
      .update(runs)
      .set({ status: 'queued', owner: null, plan: onServer, errorCode: null, errorMessage: null })
      .where(and(eq(runs.id, runId), eq(runs.status, 'interrupted')))
      .returning({ id: runs.id });
    if (taken.length !== 1) throw new UserError(`Run ${runId} was resumed by someone else meanwhile`);
    void getRunManager().start(runId, onServer).catch((error) => console.warn(`[run ${runId}] resume failed: ${(error as Error).message}`));
    return { runId, where: 'server' };
  }
  const { token, owner } = newBrowserToken();
  const taken = await db
    .update(runs)
    .set({ status: 'running', owner, errorCode: null, errorMessage: null, finishedAt: null })
    .where(and(eq(runs.id, runId), eq(runs.status, 'interrupted')))
    .returning({ id: runs.id });
  if (taken.length !== 1) throw new UserError(`Run ${runId} was resumed by someone else meanwhile`);
  const completed = await prepareResume(db, runId);
  notifyRunChanged(runId);
  return { runId, where: 'browser', token, plan, completed: [...completed] };
}

