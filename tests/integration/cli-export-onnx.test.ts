// `pipeworks export-onnx` as a script uses it: a registered version (by @latest, @vN or alias) is
// written as ONNX, --check scores a dataset with onnxruntime-node and ours, and bad references
// exit non-zero with the reason.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetClassifier } from './helpers/registry-pipeline';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();

function cli(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('pipeworks export-onnx', () => {
  it('writes a registered version as ONNX and checks it against our predictor on a dataset', () => {
    expect(cli(['ingest', 'nodes/ingest/samples/breast-cancer.csv', '--name', 'cancer']).code).toBe(0);
    const doc = path.join(dataDir, 'pipeline.json');
    writeFileSync(doc, JSON.stringify(datasetClassifier({ dataset: 'cancer', register: 'cancer-screen' })));
    expect(cli(['run', doc]).code).toBe(0);

    const out = path.join(dataDir, 'screen.onnx');
    const res = cli(['export-onnx', 'cancer-screen@v1', '--out', out, '--check', 'cancer']);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/wrote .*screen\.onnx: cancer-screen v1 \(pipeworks\/logistic, binary\) with its preprocessing/);
    expect(res.stdout).toMatch(/checked on "cancer": 569 rows, onnxruntime-node matches ours \(largest difference \d\.\d\de-\d+\)/);
    // ONNX files start with ModelProto field 1 (ir_version), varint-tagged: 0x08.
    expect(readFileSync(out)[0]).toBe(0x08);
    expect(existsSync(out)).toBe(true);
  }, 180_000);

  it('names what is wrong with a reference', () => {
    const unknown = cli(['export-onnx', 'cancer-scren']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('There is no registered model "cancer-scren". Did you mean "cancer-screen"?');
    const alias = cli(['export-onnx', 'cancer-screen@champion']);
    expect(alias.code).toBe(1);
    expect(alias.stderr).toContain('Model "cancer-screen" has no alias "champion"; use latest, v<N>.');
    expect(cli(['export-onnx']).code).toBe(2);
  }, 60_000);
});
