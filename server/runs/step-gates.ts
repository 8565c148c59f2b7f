// Every gate a finished step judged, with its figures, for `run --json` and `run --gate`: a data
// validation's expectations (schema_match ones are the schema gate), an evaluation's quality gates,
// a deploy's gates. A passing step's come from its stored outputs; a gate that failed its step left
// no output, so they are read from the step's params and the error message the gate wrote.
import { decodeValue } from '../../nodes/codec';
import { describeExpectation, expectationSchema } from '../../nodes/clean/expectations';
import { describeFailure, gateSchema, type GateResult } from '../../nodes/evaluate/gates';
import type { ArtifactRef } from '../../engine/plan';
import { readArtifactBytes } from '../store/artifact-files';

export type GateKind = 'data-validation' | 'schema' | 'model-quality' | 'deploy';

export interface StepGate {
  kind: GateKind;
  /** What was required, e.g. "roc_auc >= 0.8" or "churned is never missing". */
  gate: string;
  passed: boolean;
  /** What was seen, e.g. "roc_auc 0.71 < 0.8" or "observed 3 missing". */
  figures: string;
}

export interface GatedStep {
  status: string;
  outputs: Record<string, ArtifactRef> | null;
  params: unknown;
  errorMessage: string | null;
}

const FAILED_PREFIX = { quality: 'Quality gate failed: ', validation: 'Validation failed: ', deploy: 'Deploy gate failed: ' } as const;

export async function stepGates(dataDir: string, step: GatedStep): Promise<StepGate[]> {
  if (step.status === 'failed') return failedGates(step);
  const gates: StepGate[] = [];
  for (const ref of Object.values(step.outputs ?? {})) {
    if (ref.kind !== 'metrics' && ref.kind !== 'report') continue;
    const value = decodeValue(ref.kind, await readArtifactBytes(dataDir, ref.id));
    if (value.kind === 'metrics' && Array.isArray(value.metrics.gates)) {
      for (const g of value.metrics.gates as unknown as GateResult[]) gates.push(qualityGate(g));
    }
    if (value.kind === 'report' && value.report.type === 'validation' && Array.isArray(value.report.expectations)) {
      for (const e of value.report.expectations as { kind: string; description: string; passed: boolean; observed: unknown; failingRows: number }[]) {
        const rows = e.failingRows > 0 ? `, ${e.failingRows} failing row${e.failingRows === 1 ? '' : 's'}` : '';
        gates.push({ kind: e.kind === 'schema_match' ? 'schema' : 'data-validation', gate: e.description, passed: e.passed, figures: `observed ${JSON.stringify(e.observed)}${rows}` });
      }
    }
  }
  return gates;
}

function qualityGate(g: GateResult): StepGate {
  return { kind: 'model-quality', gate: `${g.metric} ${g.op} ${g.value}`, passed: g.passed, figures: g.passed ? `${g.metric} ${g.observed}` : describeFailure(g) };
}

function failedGates(step: GatedStep): StepGate[] {
  const message = step.errorMessage ?? '';
  const params = (step.params ?? {}) as Record<string, unknown>;
  if (message.startsWith(FAILED_PREFIX.quality)) {
    const text = message.slice(FAILED_PREFIX.quality.length);
    const gates = (Array.isArray(params.gates) ? params.gates : []).map((g) => gateSchema.safeParse(g)).filter((p) => p.success).map((p) => p.data!);
    const failures = text.split('; ');
    // describeFailure starts with the metric's name: match each failure to its gate.
    const found = failures.map((f) => ({ f, gate: gates.find((g) => f.startsWith(`${g.metric} `)) }));
    return found.map(({ f, gate }) => ({ kind: 'model-quality', gate: gate ? `${gate.metric} ${gate.op} ${gate.value}` : f.split(' ')[0], passed: false, figures: f }));
  }
  if (message.startsWith(FAILED_PREFIX.validation)) {
    const expectations = (Array.isArray(params.expectations) ? params.expectations : []).map((e) => expectationSchema.safeParse(e)).filter((p) => p.success).map((p) => p.data!);
    const listed = message.slice(message.indexOf(': ', FAILED_PREFIX.validation.length) + 2);
    const failed = expectations
      .map((e) => ({ kind: e.kind, description: describeExpectation(e), at: listed.indexOf(`${describeExpectation(e)} — observed`) }))
      .filter((e) => e.at >= 0)
      .sort((a, b) => a.at - b.at);
    return failed.map((e, i) => ({
      kind: e.kind === 'schema_match' ? 'schema' : 'data-validation',
      gate: e.description,
      passed: false,
      figures: listed.slice(e.at + e.description.length + 3, i + 1 < failed.length ? failed[i + 1].at - 2 : undefined).trim(),
    }));
  }
  if (message.startsWith(FAILED_PREFIX.deploy)) {
    return [{ kind: 'deploy', gate: 'deploy gates', passed: false, figures: message.slice(FAILED_PREFIX.deploy.length) }];
  }
  return [];
}
