// The `pipeworks` command as scripts and CI use it: exit codes, --json output, stdin passwords.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newDataDir } from './helpers/server-process';

const dataDir = newDataDir();
const SAMPLE = 'server/pipelines/samples/breast-cancer-explore.json';

function cli(args: string[], input?: string) {
  const res = spawnSync(process.execPath, ['bin/pipeworks.mjs', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function writeDoc(name: string, doc: unknown): string {
  const file = path.join(dataDir, name);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

describe('pipeworks validate', () => {
  it('exits 0 for a valid pipeline', () => {
    const res = cli(['validate', SAMPLE]);
    expect(res.stdout).toContain('valid: 4 steps');
    expect(res.code).toBe(0);
  });

  it('prints every issue with node and field and exits 2', () => {
    const file = writeDoc('bad.json', {
      schemaVersion: 1,
      id: 'bad',
      name: 'Bad',
      nodes: [
        { id: 'split', type: 'split/random', version: 1, params: { seed: -1 }, position: { x: 0, y: 0 } },
        { id: 'mystery', type: 'nope/nothing', version: 1, params: {}, position: { x: 0, y: 0 } },
      ],
      edges: [],
    });
    const res = cli(['validate', file, '--json']);
    expect(res.code).toBe(2);
    const out = JSON.parse(res.stdout);
    expect(out.valid).toBe(false);
    expect(out.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid_params', nodeId: 'split', field: 'params.seed' }),
        expect.objectContaining({ code: 'missing_input', nodeId: 'split' }),
        expect.objectContaining({ code: 'unknown_node_type', nodeId: 'mystery' }),
      ]),
    );
  });

  // zod strips unknown keys, so this typo used to pass ("valid") and run with the default 0.5.
  it('refuses a misspelt param, naming the node, the key and the real one, and exits 2', () => {
    const doc = JSON.parse(readFileSync('server/pipelines/samples/breast-cancer-classifier.json', 'utf8'));
    const evaluate = doc.nodes.find((n: { type: string }) => n.type === 'evaluate/model');
    evaluate.params.treshold = 0.9;
    const res = cli(['validate', writeDoc('treshold.json', doc)]);
    expect(res.stdout).toMatch(new RegExp(`Node "[^"]+" \\(Evaluate[^)]*\\): unknown param "treshold"\\. Did you mean "threshold"\\?`));
    expect(res.stdout).not.toMatch(/^valid:/m);
    expect(res.code).toBe(2);
  });

  it('explains malformed JSON without a stack trace', () => {
    const res = cli(['validate', writeDoc('broken.json', '{"nodes": [')]);
    expect(res.code).toBe(2);
    expect(res.stdout).toMatch(/Not valid JSON/);
    expect(res.stdout + res.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('pipeworks run', () => {
  it('runs a pipeline, prints the documented JSON, and serves a re-run from cache', () => {
    const first = cli(['run', SAMPLE, '--json']);
    expect(first.code, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out).toMatchObject({ pipelineId: 'breast-cancer-explore', pipelineVersion: 1, status: 'succeeded' });
    expect(out.steps.map((s: any) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(out.steps[1].outputs.train).toMatchObject({ kind: 'table', meta: { rows: 426 } });
    expect(out.steps[1].outputs.train.id).toMatch(/^[0-9a-f]{64}$/);

    const second = JSON.parse(cli(['run', SAMPLE, '--json']).stdout);
    expect(second.steps.every((s: any) => s.status === 'cached' && s.cachedFromRunId === out.runId)).toBe(true);
  });

  it('exits 1 when a step fails and 2 when the pipeline is invalid', () => {
    const failing = writeDoc('failing.json', {
      schemaVersion: 1,
      id: 'failing',
      name: 'Failing',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
        { id: 'split', type: 'split/random', version: 1, params: { stratifyBy: 'colour' }, position: { x: 1, y: 0 } },
      ],
      edges: [{ id: 'e', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' }],
    });
    const res = cli(['run', failing]);
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/failed\s+split .*colour/);
    expect(cli(['run', writeDoc('invalid.json', { schemaVersion: 1, id: 'i', name: 'i', nodes: [], edges: [{}] })]).code).toBe(2);
  });
});

describe('pipeworks run and versions saved meanwhile', () => {
  const seeded = (seed: number) =>
    writeDoc(`seeded-${seed}.json`, {
      schemaVersion: 1,
      id: 'seeded',
      name: 'Seeded',
      nodes: [
        { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
        { id: 'split', type: 'split/random', version: 1, params: { seed }, position: { x: 1, y: 0 } },
      ],
      edges: [{ id: 'e', source: 'ingest', sourceHandle: 'table', target: 'split', targetHandle: 'table' }],
    });

  it('bases a file run on its last run, and refuses a --base whose edits clash with a later version', () => {
    expect(JSON.parse(cli(['run', seeded(1), '--json']).stdout).pipelineVersion).toBe(1);
    expect(JSON.parse(cli(['run', seeded(2), '--json']).stdout).pipelineVersion).toBe(2);
    const clash = cli(['run', seeded(3), '--base', '1']);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/Not saved: the pipeline changed since v1 \(Pipeworks \(pipeworks run\) saved v2 at .* UTC\), and both changed param "seed" of node "split"/);
  });
});

describe('pipeworks user add', () => {
  it('reads the password from stdin and refuses a short one', () => {
    expect(cli(['user', 'add', '--email', 'sam@example.com', '--role', 'scientist'], 'a long enough password\n').code).toBe(0);
    const short = cli(['user', 'add', '--email', 'tim@example.com', '--role', 'analyst'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10/);
    expect(cli(['user', 'add', '--email', 'x@example.com', '--role', 'owner'], 'a long enough password\n').code).toBe(2);
  });
});
