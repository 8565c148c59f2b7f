// What a comparison between a browser's result and the server's own computation of the same
// cache key leads to: the same artifact ids mark the browser's result verified; anything else
// quarantines its outputs, taints what that browser run built on them, flags the run for
// everyone to see, and writes an audit event with both hashes naming the person.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ArtifactRef, Plan } from '../../engine/plan';
import { notifyUsersWho } from '../alerts/notifications';
import { audit } from '../auth/audit';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';

/** Who found the difference: a server run that computed the key itself, or the background check. */
export interface Detector {
  runId: string | null;
  userId: string | null;
}

interface ResultRow {
  id: string;
  runId: string;
  stepId: string;
  nodeType: string;
  label: string | null;
  cacheKey: string | null;
  outputs: Record<string, ArtifactRef> | null;
  ranBy: string | null;
}

const resultColumns = (db: AnyDb) => {
  const { stepRuns } = db.t;
  return { id: stepRuns.id, runId: stepRuns.runId, stepId: stepRuns.stepId, nodeType: stepRuns.nodeType, label: stepRuns.label, cacheKey: stepRuns.cacheKey, outputs: stepRuns.outputs, ranBy: stepRuns.ranBy };
};

const sameOutputs = (a: Record<string, ArtifactRef>, b: Record<string, ArtifactRef>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([name, ref]) => b[name]?.id === ref.id);

/**
 * Settles every unverified browser result of `cacheKey` against the server's `outputs`.
 * Returns how many were verified and how many did not match.
 */
export async function settleBrowserResults(db: AnyDb, cacheKey: string, outputs: Record<string, ArtifactRef>, detector: Detector): Promise<{ verified: number; mismatched: number }> {
  const { stepRuns } = db.t;
  const rows = await db
    .select(resultColumns(db))
    .from(stepRuns)
    .where(and(eq(stepRuns.cacheKey, cacheKey), eq(stepRuns.status, 'succeeded'), eq(stepRuns.trust, 'unverified')));
  let verified = 0;
  let mismatched = 0;
  for (const row of rows) {
    if (row.outputs && sameOutputs(row.outputs, outputs)) {
      await withTransaction(db, (tx) => setTrust(tx, row, 'verified'));
      verified++;
    } else {
      await recordMismatch(db, row, outputs, detector);
      mismatched++;
    }
  }
  return { verified, mismatched };
}

/** The row and the cached copies that reused it take the same standing. */
async function setTrust(db: AnyDb, row: ResultRow, trust: 'verified' | 'mismatch' | 'tainted'): Promise<void> {
  const { stepRuns } = db.t;
  await db.update(stepRuns).set({ trust }).where(eq(stepRuns.id, row.id));
  if (row.cacheKey) {
    await db
      .update(stepRuns)
      .set({ trust })
      .where(and(eq(stepRuns.cachedFromRunId, row.runId), eq(stepRuns.cacheKey, row.cacheKey), eq(stepRuns.status, 'cached')));
  }
}

async function recordMismatch(db: AnyDb, row: ResultRow, server: Record<string, ArtifactRef>, detector: Detector): Promise<void> {
  const { artifacts, runs, users } = db.t;
  const browser = row.outputs ?? {};
  const names = [...new Set([...Object.keys(browser), ...Object.keys(server)])].sort();
  const differing = names.filter((name) => browser[name]?.id !== server[name]?.id).map((name) => ({ output: name, browser: browser[name]?.id ?? null, server: server[name]?.id ?? null }));
  const person = row.ranBy ? first(await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, row.ranBy)).limit(1)) : null;
  const step = row.label ?? row.stepId;
  const who = person ? `${person.name} (${person.email})` : 'an unknown person';
  const now = Date.now();
  await withTransaction(db, async (tx) => {
    await setTrust(tx, row, 'mismatch');
    const quarantine = differing.map((d) => d.browser).filter((id): id is string => id !== null);
    if (quarantine.length > 0) {
      await tx
        .update(artifacts)
        .set({ quarantinedAt: now, quarantineReason: `Browser result of step "${step}" in run ${row.runId.slice(0, 8)} failed the server's verification` })
        .where(and(inArray(artifacts.id, quarantine), isNull(artifacts.quarantinedAt)));
    }
    for (const downstream of await downstreamRows(tx, row)) await setTrust(tx, downstream, 'tainted');
    await tx
      .update(runs)
      .set({ trustFlag: `Step "${step}" ran in ${who}'s browser and failed the server's verification: its outputs differ from the server's and are quarantined.` })
      .where(and(eq(runs.id, row.runId), isNull(runs.trustFlag)));
    await audit(tx, {
      userId: row.ranBy,
      action: 'result.mismatch',
      targetType: 'run',
      targetId: row.runId,
      detail: {
        stepId: row.stepId,
        nodeType: row.nodeType,
        cacheKey: row.cacheKey,
        ranBy: person ?? null,
        outputs: differing,
        detectedBy: detector.runId ? { runId: detector.runId, userId: detector.userId } : 'verification',
      },
    });
    // The admins are told in the app, not only in the audit log: a forged or faulty result is theirs to act on.
    await notifyUsersWho(tx, 'user.manage', {
      kind: 'result.mismatch',
      title: `Browser result of "${step}" failed verification`,
      body: `${who} ran it; its outputs differ from the server's (${differing.map((d) => d.output).join(', ')}) and are quarantined.`,
      link: `/runs/${row.runId}`,
    }, now);
  });
  console.warn(`[verify] run ${row.runId} step ${row.stepId}: browser result differs from the server's; quarantined`);
}

/** Unverified browser results of the same run that were computed, directly or not, from `row`. */
async function downstreamRows(db: AnyDb, row: ResultRow): Promise<ResultRow[]> {
  const { runs, stepRuns } = db.t;
  const plan = first(await db.select({ plan: runs.plan }).from(runs).where(eq(runs.id, row.runId)).limit(1))?.plan as Plan | undefined;
  if (!plan) return [];
  const tainted = new Set([row.stepId]);
  for (const step of plan.steps) {
    if (Object.values(step.inputs).some((input) => tainted.has(input.fromStep))) tainted.add(step.id);
  }
  tainted.delete(row.stepId);
  if (tainted.size === 0) return [];
  return db
    .select(resultColumns(db))
    .from(stepRuns)
    .where(and(eq(stepRuns.runId, row.runId), inArray(stepRuns.stepId, [...tainted]), eq(stepRuns.trust, 'unverified')));
}
