// What both evaluate nodes share once truth and predictions are lined up: the report, the gates,
// a readable log, and the metrics output.
import type { NodeRunContext } from '../../engine/node-definition';
import type { JsonObject, MetricsValue } from '../values';
import { baselineSentence } from './baselines';
import { assertGatesPass, describeFailure, evaluateGates, type Gate } from './gates';
import { jsonSafe } from './json-safe';
import type { MetricsReport } from './metrics-report';

/** Logs the headline metrics, fills in the gate results, and fails the step when a gate fails. */
export function finishReport(report: MetricsReport, gates: readonly Gate[], ctx: Pick<NodeRunContext, 'log'>): MetricsValue {
  report.gates = evaluateGates(gates, report.metrics);
  const headline = Object.entries(report.metrics)
    .map(([name, value]) => `${name} ${value === undefined || !Number.isFinite(value) ? 'undefined' : Number(value.toPrecision(4))}`)
    .join(', ');
  ctx.log('info', `${report.title}: ${headline}`);
  if (report.droppedRows > 0) ctx.log('warn', `Left out ${report.droppedRows} rows whose target "${report.target}" is missing`);
  if (report.cost) {
    ctx.log('info', report.cost.summary);
    const { vsBaseline, currency } = report.cost;
    const money = (x: number) => `${x < 0 ? '−' : ''}${currency ? `${currency} ` : ''}${Math.abs(x).toFixed(2)}`;
    ctx.log(vsBaseline.savingPer1000 < 0 ? 'warn' : 'info', baselineSentence(vsBaseline, money));
  }
  for (const gate of report.gates) {
    ctx.log(gate.passed ? 'info' : 'error', `Quality gate ${gate.metric} ${gate.op} ${gate.value}: ${gate.passed ? 'passed' : describeFailure(gate)}`);
  }
  assertGatesPass(report.gates);
  return { kind: 'metrics', metrics: jsonSafe(report) as JsonObject };
}
