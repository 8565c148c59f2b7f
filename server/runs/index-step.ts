// Reads a finished step's outputs and records what they report: its metric rows, and for a
// hyperparameter search one child run per trial. Called before the step's end is stored, by the
// server runner (ran or cache hit) and for a browser's reports, so a finished run's records are
// complete the moment it shows as finished.
import type { PlanStep } from '../../engine/plan';
import { decodeValue } from '../../nodes/codec';
import { stepResults } from '../../nodes/result-metrics';
import type { AnyDb } from '../db/any-db';
import { readArtifactBytes } from '../store/artifact-files';
import { writeStepMetrics, type StepOutputs } from './run-records';
import { writeTrialRuns } from './trial-runs';

/** Kinds whose bytes hold numbers worth a column; tables are never read for this. */
const REPORTING_KINDS = new Set(['metrics', 'model', 'report']);

export async function indexStepResults(db: AnyDb, dataDir: string, runId: string, step: PlanStep, outputs: StepOutputs): Promise<void> {
  const metrics: Record<string, number> = {};
  let search: ReturnType<typeof stepResults>['search'];
  try {
    for (const ref of Object.values(outputs)) {
      if (!REPORTING_KINDS.has(ref.kind)) continue;
      const results = stepResults(decodeValue(ref.kind, await readArtifactBytes(dataDir, ref.id)));
      Object.assign(metrics, results.metrics);
      search ??= results.search;
    }
    await writeStepMetrics(db, runId, step.id, metrics);
    if (search) await writeTrialRuns(db, runId, step.id, search);
  } catch (error) {
    // The step's outputs are stored and verified; failing to index them must not fail the run.
    console.error(`[run ${runId}] could not record the results of step ${step.id}`, error);
  }
}
