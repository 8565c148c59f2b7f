// Quality gates: conditions on the metrics that must hold, or the step (and the run, and the CLI) fails.
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import type { ModelTask } from '../models/model-artifact';
import { METRIC_NAMES, producesMetric, TASK_METRICS, type MetricName } from './metric-catalogue';

export const GATE_OPS = ['>=', '>', '<=', '<'] as const;
export type GateOp = (typeof GATE_OPS)[number];

export const gateSchema = z.object({
  metric: z.enum(METRIC_NAMES).describe('Metric to check, e.g. roc_auc; it must be one the task produces'),
  op: z.enum(GATE_OPS).default('>=').describe('How the observed value must compare with the bound'),
  value: z.number().describe('The bound, e.g. 0.85'),
});
export type Gate = z.infer<typeof gateSchema>;

export const gatesParam = z
  .array(gateSchema)
  .max(50)
  .default([])
  .describe('Quality gates, e.g. roc_auc >= 0.85: if any fails, the step fails with the reason');

export type GateResult = { metric: MetricName; op: GateOp; value: number; observed: number | null; passed: boolean };

/** Refuses gates on metrics this task does not produce, naming the gate's field. */
export function checkGates(gates: readonly Gate[], task: ModelTask): void {
  gates.forEach((gate, i) => {
    if (!producesMetric(task, gate.metric)) {
      throw new UserError(
        `Quality gate ${i + 1} checks "${gate.metric}", which a ${task} evaluation does not produce; ` +
          `choose one of ${TASK_METRICS[task].join(', ')}`,
        { field: `gates.${i}.metric` },
      );
    }
  });
}

const HOLDS: Record<GateOp, (a: number, b: number) => boolean> = {
  '>=': (a, b) => a >= b,
  '>': (a, b) => a > b,
  '<=': (a, b) => a <= b,
  '<': (a, b) => a < b,
};
const NEGATION: Record<GateOp, string> = { '>=': '<', '>': '<=', '<=': '>', '<': '>=' };

/** An undefined metric (NaN or missing) fails its gate: nothing was shown to hold. */
export function evaluateGates(gates: readonly Gate[], metrics: Partial<Record<MetricName, number>>): GateResult[] {
  return gates.map(({ metric, op, value }) => {
    const observed = metrics[metric];
    const known = observed !== undefined && Number.isFinite(observed);
    return { metric, op, value, observed: known ? observed : null, passed: known && HOLDS[op](observed, value) };
  });
}

/** e.g. "roc_auc 0.812 < 0.85"; the observed value gets enough digits to differ visibly from the bound. */
export function describeFailure(result: GateResult): string {
  if (result.observed === null) return `${result.metric} is undefined on this data (needed ${result.op} ${result.value})`;
  return `${result.metric} ${formatAgainst(result.observed, result.value)} ${NEGATION[result.op]} ${result.value}`;
}

export function assertGatesPass(results: readonly GateResult[]): void {
  const failed = results.filter((r) => !r.passed);
  if (failed.length === 0) return;
  const index = results.indexOf(failed[0]);
  throw new UserError(`Quality gate failed: ${failed.map(describeFailure).join('; ')}`, { field: `gates.${index}` });
}

function formatAgainst(observed: number, bound: number): string {
  for (let digits = 3; digits <= 17; digits++) {
    const text = String(Number(observed.toPrecision(digits)));
    if (Number(text) !== bound || observed === bound) return text;
  }
  return String(observed);
}
