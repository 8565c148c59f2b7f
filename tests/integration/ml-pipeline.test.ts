// The core ML path through the real server runner: train, evaluate, gate; the CLI's exit codes.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const SAMPLE = 'server/pipelines/samples/breast-cancer-classifier.json';

function cli(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function artifactJson(id: string) {
  return JSON.parse(readFileSync(path.join(dataDir, 'artifacts', id.slice(0, 2), id.slice(2, 4), id), 'utf8'));
}

describe('breast cancer classifier', () => {
  it('trains logistic regression and an MLP on wasm, evaluates them on the test side, and passes its gate', () => {
    const res = cli(['run', SAMPLE, '--json']);
    expect(res.code, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout);
    const step = (id: string) => out.steps.find((s: any) => s.id === id);
    expect(out.steps.every((s: any) => s.status === 'succeeded')).toBe(true);
    expect(step('mlp').backend).toBe('wasm');
    expect(step('logistic').outputs.model.meta).toMatchObject({ format: 'pipeworks/logistic', task: 'binary', target: 'diagnosis' });

    const logistic = artifactJson(step('evaluate-logistic').outputs.metrics.id);
    expect(logistic.metrics.roc_auc).toBeGreaterThanOrEqual(0.99);
    expect(logistic.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(logistic.gates).toEqual([expect.objectContaining({ metric: 'roc_auc', passed: true })]);
    expect(logistic.confusion.matrix.flat().reduce((a: number, b: number) => a + b, 0)).toBe(143);
    const mlp = artifactJson(step('evaluate-mlp').outputs.metrics.id);
    expect(mlp.metrics.roc_auc).toBeGreaterThan(0.95);
  });

  it('fails the run with the gate named when a quality gate is not met, and the CLI exits 1', () => {
    const doc = JSON.parse(readFileSync(SAMPLE, 'utf8'));
    doc.id = 'strict-gate';
    doc.nodes.find((n: any) => n.id === 'evaluate-logistic').params.gates = [{ metric: 'roc_auc', op: '>=', value: 0.9999 }];
    const file = path.join(dataDir, 'strict.json');
    writeFileSync(file, JSON.stringify(doc));
    const res = cli(['run', file, '--json']);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout);
    expect(out.status).toBe('failed');
    const gate = out.steps.find((s: any) => s.id === 'evaluate-logistic');
    expect(gate.status).toBe('failed');
    expect(gate.error.message).toMatch(/Quality gate failed: roc_auc 0\.99\d* < 0\.9999/);
    // The training steps were reused from the first test's run: same data, same params.
    expect(out.steps.find((s: any) => s.id === 'logistic').status).toBe('cached');
  });
});
