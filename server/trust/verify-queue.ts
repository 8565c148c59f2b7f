// The server re-computes deterministic steps a browser ran, one at a time in report order (so a
// step's inputs are settled before it is): every one whose inputs and outputs stay under
// `fullBytes`, and above that a seeded random sample, so a tab cannot know which are checked.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ArtifactRef, PlanStep } from '../../engine/plan';
import { first, type AnyDb } from '../db/any-db';
import { isTrusted } from './result-trust';
import { settleBrowserResults } from './verify';

export interface VerifyOptions {
  /** Off: no background re-computation and no comparison in server runs (benchmarks' baseline). */
  enabled: boolean;
  fullBytes: number;
  /** The share of larger results re-computed, 0..1. */
  sampleRate: number;
  /** Private to the installation, so which larger results are sampled cannot be predicted. */
  seed: string;
}

export type Recompute = (step: PlanStep, inputs: Record<string, ArtifactRef>) => Promise<Record<string, ArtifactRef>>;

export type VerifyOutcome = 'verified' | 'mismatch' | 'tainted' | 'not sampled' | 'inputs unverified' | 'skipped';

/** Whether a result of `bytes` (inputs plus outputs) is re-computed. */
export function selectedForVerification(options: VerifyOptions, cacheKey: string, bytes: number): boolean {
  if (bytes <= options.fullBytes) return true;
  const draw = createHash('sha256').update(`${options.seed}\u0000${cacheKey}`).digest().readUInt32BE(0) / 2 ** 32;
  return draw < options.sampleRate;
}

export class BrowserVerifier {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: AnyDb,
    private readonly options: VerifyOptions,
    private readonly recompute: Recompute,
  ) {}

  /** Queues the check of one browser-run step; never throws into the caller. */
  enqueue(runId: string, step: PlanStep): void {
    if (!this.options.enabled) return;
    this.tail = this.tail
      .then(() => this.verify(runId, step))
      .catch((error) => console.warn(`[verify] run ${runId} step ${step.id}: not verified`, error));
  }

  /** Resolves once everything queued so far has been checked (tests, shutdown). */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.tail;
      await seen;
    } while (seen !== this.tail);
  }

  async verify(runId: string, step: PlanStep): Promise<VerifyOutcome> {
    const row = await this.row(runId, step.id);
    if (!row || row.trust !== 'unverified' || row.status !== 'succeeded' || !row.outputs || !step.cacheKey || !step.deterministic) return 'skipped';
    const inputs: Record<string, ArtifactRef> = {};
    for (const [port, source] of Object.entries(step.inputs)) {
      const from = await this.row(runId, source.fromStep);
      const trust = from?.trust ?? 'unverified';
      if (trust === 'mismatch' || trust === 'tainted') {
        await this.db.update(this.db.t.stepRuns).set({ trust: 'tainted' }).where(eq(this.db.t.stepRuns.id, row.id));
        return 'tainted';
      }
      const ref = from?.outputs?.[source.output];
      // Checked only from trusted inputs, else a match would vouch for a result built on a forgery.
      if (!isTrusted(trust) || !ref) return 'inputs unverified';
      inputs[port] = ref;
    }
    const bytes = [...Object.values(inputs), ...Object.values(row.outputs)].reduce((sum, ref) => sum + ref.size, 0);
    if (!selectedForVerification(this.options, step.cacheKey, bytes)) return 'not sampled';
    const outputs = await this.recompute(step, inputs);
    const settled = await settleBrowserResults(this.db, step.cacheKey, outputs, { runId: null, userId: null });
    return settled.mismatched > 0 ? 'mismatch' : 'verified';
  }

  private async row(runId: string, stepId: string) {
    const { stepRuns } = this.db.t;
    return first(
      await this.db
        .select({ id: stepRuns.id, trust: stepRuns.trust, status: stepRuns.status, outputs: stepRuns.outputs })
        .from(stepRuns)
        .where(and(eq(stepRuns.runId, runId), eq(stepRuns.stepId, stepId)))
        .limit(1),
    );
  }
}
