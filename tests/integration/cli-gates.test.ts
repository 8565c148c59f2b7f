// Exit codes of each gate kind, as CI reads them: `run --gate` exits 1 when a data-validation,
// schema or model-quality gate fails and names it with its figures; `promote` moves an alias only
// when its gates pass on the version's recorded metrics, else exits 1 naming the failed gate.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from './helpers/cli';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const cli = cliOn(dataDir);

/** The CI example pipeline under a new id, with a validation step and the evaluate gates given. */
function pipeline(id: string, options: { expectations?: unknown[]; failOn?: 'error' | 'never'; gates?: unknown[] }): string {
  const doc = JSON.parse(readFileSync('docs/ci/churn.json', 'utf8'));
  doc.id = id;
  doc.nodes.find((n: { id: string }) => n.id === 'model').params.register = id;
  doc.nodes.find((n: { id: string }) => n.id === 'evaluate').params.gates = options.gates ?? [];
  if (options.expectations) {
    doc.nodes.push({ id: 'check', type: 'clean/validate', version: 1, params: { expectations: options.expectations, failOn: options.failOn ?? 'error' }, position: { x: 150, y: 100 } });
    doc.edges = doc.edges.map((e: { source: string; target: string }) => (e.source === 'customers' ? { ...e, source: 'check' } : e));
    doc.edges.push({ id: 'e0', source: 'customers', sourceHandle: 'table', target: 'check', targetHandle: 'table' });
  }
  const file = path.join(dataDir, `${id}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

beforeAll(() => {
  expect(cli(['ingest', 'docs/ci/customers.csv', '--name', 'customers']).code).toBe(0);
});

describe('run --gate', () => {
  it('model quality: exit 0 when the gate holds, 1 naming the gate and the figures when not', () => {
    const ok = cli(['run', pipeline('quality-ok', { gates: [{ metric: 'roc_auc', op: '>=', value: 0.8 }] }), '--gate']);
    expect(ok.stdout).toMatch(/gate passed \[model-quality\] evaluate: roc_auc >= 0\.8 — roc_auc 0\.9\d+/);
    expect(ok.code).toBe(0);
    const bad = cli(['run', pipeline('quality-bad', { gates: [{ metric: 'roc_auc', op: '>=', value: 0.99 }] }), '--gate']);
    expect(bad.stderr).toMatch(/gate failed: \[model-quality\] step evaluate: roc_auc >= 0\.99 — roc_auc 0\.9\d+ < 0\.99/);
    expect(bad.code).toBe(1);
  });

  it('data validation: a failed expectation set to only report still fails the gate (exit 1), not the plain run', () => {
    const file = pipeline('data-bad', { expectations: [{ kind: 'range', column: 'age', min: 30 }], failOn: 'never' });
    expect(cli(['run', file]).code).toBe(0);
    const res = cli(['run', file, '--gate']);
    expect(res.stderr).toMatch(/gate failed: \[data-validation\] step check: "age" within \[30, ∞\] — observed .*failing rows?/);
    expect(res.code).toBe(1);
  });

  it('data validation that stops the run: exit 1 with the expectation and what was observed', () => {
    const res = cli(['run', pipeline('data-stop', { expectations: [{ kind: 'allowed_values', column: 'plan', values: ['basic', 'plus'] }] }), '--gate', '--json']);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout);
    expect(out.gatesPassed).toBe(false);
    const check = out.steps.find((s: { id: string }) => s.id === 'check');
    expect(check.gates).toEqual([{ kind: 'data-validation', gate: '"plan" in {"basic", "plus"}', passed: false, figures: expect.stringMatching(/^observed .*"pro"/) }]);
  });

  it('schema: a schema_match expectation that fails is a schema gate, exit 1', () => {
    const expectations = [{ kind: 'schema_match', columns: [{ name: 'age', type: 'numeric' }, { name: 'region', type: 'categorical' }] }];
    const res = cli(['run', pipeline('schema-bad', { expectations }), '--gate']);
    expect(res.stderr).toMatch(/gate failed: \[schema\] step check: schema matches 2 columns — observed .*region/);
    expect(res.code).toBe(1);
  });

  it('run --json carries every step\'s metrics and gate results beside its artifacts', () => {
    const out = JSON.parse(cli(['run', pipeline('quality-ok', { gates: [{ metric: 'roc_auc', op: '>=', value: 0.8 }] }), '--json']).stdout);
    const evaluate = out.steps.find((s: { id: string }) => s.id === 'evaluate');
    expect(evaluate.outputs.metrics.id).toMatch(/^[0-9a-f]{64}$/);
    expect(evaluate.metrics.roc_auc).toBeGreaterThan(0.9);
    expect(evaluate.gates).toEqual([{ kind: 'model-quality', gate: 'roc_auc >= 0.8', passed: true, figures: `roc_auc ${evaluate.metrics.roc_auc}` }]);
    expect(out.steps.find((s: { id: string }) => s.id === 'model').metrics.rows).toBe(168);
    expect(out.gatesPassed).toBe(true);
  });
});

describe('promote', () => {
  const alias = (model: string) => cli(['promote', `${model}@production`, '--alias', 'production', '--gate', 'accuracy>=0']);

  it('moves the alias when every gate passes (exit 0), and refuses with the gate and figures otherwise (exit 1)', () => {
    // quality-ok v1 was registered by the run above.
    const bad = cli(['promote', 'quality-ok', '--alias', 'production', '--gate', 'roc_auc>=0.99']);
    expect(bad.stderr).toMatch(/gate failed: roc_auc >= 0\.99 — roc_auc 0\.9\d+ < 0\.99/);
    expect(bad.code).toBe(1);
    expect(alias('quality-ok').stderr).toContain('has no alias "production"');

    const ok = cli(['promote', 'quality-ok', '--alias', 'production', '--gate', 'roc_auc>=0.9', '--gate', 'f1>=0.5']);
    expect(ok.stdout).toContain('promoted quality-ok v1 to "production" (was unset)');
    expect(ok.code).toBe(0);
    expect(alias('quality-ok').code).toBe(0);
  });

  it('champion gate: a version must beat the one the alias names by the margin', () => {
    // data-bad (the run that only reported) registered v1; a second run with new data makes v2.
    expect(cli(['promote', 'data-bad@v1', '--alias', 'production', '--champion', 'roc_auc']).code).toBe(0);
    const doc = JSON.parse(readFileSync(path.join(dataDir, 'data-bad.json'), 'utf8'));
    doc.nodes.find((n: { id: string }) => n.id === 'split').params.seed = 2;
    writeFileSync(path.join(dataDir, 'data-bad.json'), JSON.stringify(doc));
    expect(cli(['run', path.join(dataDir, 'data-bad.json')]).code).toBe(0);
    const res = cli(['promote', 'data-bad@v2', '--alias', 'production', '--champion', 'roc_auc:0.5']);
    expect(res.stderr).toMatch(/gate failed: beats champion v1 on roc_auc by >= 0\.5 — roc_auc [\d.]+ vs champion v1's [\d.]+: higher by -?[\d.e-]+, needed 0\.5/);
    expect(res.code).toBe(1);
  });

  it('a gate on a metric the task lacks, an unknown metric or no gate at all is a usage error (exit 2)', () => {
    expect(cli(['promote', 'quality-ok', '--alias', 'production', '--gate', 'r2>=0.5']).stderr).toContain('which a binary evaluation does not produce');
    const typo = cli(['promote', 'quality-ok', '--alias', 'production', '--gate', 'roc_aux>=0.5']);
    expect(typo.stderr).toContain('"roc_aux" is not a metric. Did you mean "roc_auc"?');
    expect(typo.code).toBe(2);
    expect(cli(['promote', 'quality-ok', '--alias', 'production']).code).toBe(2);
  });
});
