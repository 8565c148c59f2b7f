// docs/ci.md cannot rot: its workflow's commands run here, job by job in the order CI would run
// them (pull request, merge, tag), against a real server on the same data directory.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from './helpers/cli';
import { newDataDir, startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

/** The one ```yaml block of docs/ci.md: each job's `if:` and its single-line `run:` commands. */
function workflow() {
  const doc = readFileSync('docs/ci.md', 'utf8');
  const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks).toHaveLength(1);
  const yaml = blocks[0];
  const jobs = new Map<string, { condition: string; commands: string[] }>();
  let current: { condition: string; commands: string[] } | undefined;
  for (const line of yaml.slice(yaml.indexOf('\njobs:\n')).split('\n')) {
    const job = /^ {2}([\w-]+):$/.exec(line);
    if (job) jobs.set(job[1], (current = { condition: '', commands: [] }));
    const condition = /^ {4}if: (.+)$/.exec(line);
    if (condition && current) current.condition = condition[1];
    const run = /^ {6}- run: (.+)$/.exec(line);
    if (run && current) current.commands.push(run[1]);
    // A multi-line `run: |` would not be read here: keep the example's commands on one line each.
    expect(line).not.toMatch(/run: [|>]/);
  }
  return { yaml, jobs };
}

const dataDir = newDataDir();
const runnerTemp = newDataDir();
let server: ServerHandle;

/** One `run:` line as the runner's shell runs it: bash, -e and pipefail, the workflow's env. */
function step(command: string) {
  const res = spawnSync('bash', ['-eo', 'pipefail', '-c', command], {
    cwd: process.cwd(),
    env: { ...process.env, PIPEWORKS_DATA_DIR: dataDir, RUNNER_TEMP: runnerTemp },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { code: res.status, output: `${res.stdout}${res.stderr}` };
}

function runJob(commands: string[]) {
  // `npm ci` installs the checkout; this one is installed already.
  for (const command of commands.filter((c) => c !== 'npm ci')) {
    const res = step(command);
    expect(res.code, `${command}\n${res.output}`).toBe(0);
  }
}

beforeAll(async () => {
  server = await startServer({ dataDir });
}, 120_000);
afterAll(async () => {
  if (server) await stopServer(server);
});

describe('docs/ci.md', () => {
  const { yaml, jobs } = workflow();

  it('runs on pull requests, merges to main and tags, with the three jobs', () => {
    expect(yaml).toMatch(/^on:\n {2}pull_request:\n {2}push:\n {4}branches: \[main\]\n {4}tags: \['v\*'\]$/m);
    expect([...jobs.keys()]).toEqual(['validate', 'train', 'promote']);
    expect(jobs.get('validate')!.condition).toBe("github.event_name == 'pull_request'");
    expect(jobs.get('train')!.condition).toBe("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(jobs.get('promote')!.condition).toBe("startsWith(github.ref, 'refs/tags/v')");
  });

  it('pull request: validate passes once the studio holds the dataset, and fails the job on a wrong column', () => {
    // The studio already holds "customers" (a pull request must not change the store).
    expect(cliOn(dataDir)(['ingest', 'docs/ci/customers.csv', '--name', 'customers']).code).toBe(0);
    runJob(jobs.get('validate')!.commands);
    const validate = jobs.get('validate')!.commands.find((c) => c.includes(' validate '))!;
    const wrong = path.join(runnerTemp, 'wrong.json');
    const doc = readFileSync('docs/ci/churn.json', 'utf8').replace('"target": "churned"', '"target": "churnd"');
    expect(spawnSync('bash', ['-c', `cat > ${wrong}`], { input: doc }).status).toBe(0);
    const res = step(validate.replace('docs/ci/churn.json', wrong));
    expect(res.output).toContain('Did you mean "churned"?');
    expect(res.code).toBe(2);
  });

  it('merge: ingests, runs and gates, keeping the run JSON with metrics and gates', () => {
    runJob(jobs.get('train')!.commands);
    const run = JSON.parse(readFileSync(path.join(runnerTemp, 'run.json'), 'utf8'));
    expect(run.status).toBe('succeeded');
    expect(run.gatesPassed).toBe(true);
    expect(run.steps.find((s: { id: string }) => s.id === 'evaluate').gates).toEqual([expect.objectContaining({ kind: 'model-quality', gate: 'roc_auc >= 0.8', passed: true })]);
  });

  it('tag: promotes the trained version, and the server shows production on it', async () => {
    runJob(jobs.get('promote')!.commands);
    const admin = new HttpClient(server.url);
    HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
    const models = HttpClient.data(await admin.query('registry.models', { search: 'churn' }));
    const churn = models.rows.find((m: { name: string }) => m.name === 'churn');
    expect(churn).toBeDefined();
    // The merge job's run registered version 1; the tag moved production onto it, as the CLI (no user).
    const model = HttpClient.data(await admin.query('registry.model', { id: churn.id }));
    expect(model.aliases).toEqual([expect.objectContaining({ alias: 'production', version: 1, setBy: null })]);
  });
});
