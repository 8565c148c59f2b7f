// The runs table and the registry list on a seeded database of 10,000 runs (50 params and 50
// metrics each) and 2,000 model versions (50 params and 50 metrics each): p95 server-side time of
// one page (50 rows) sorted by a metric and filtered by a param, through the same functions the
// tRPC procedures call. The reference is the same query in the same run after dropping the
// (key, value) indexes it relies on.
// Run: npm run bench -- registry
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3';
import type { AnyDb } from '../server/db/any-db';
import { openDatabase } from '../server/db/client';
import { listVersions } from '../server/registry/registry-list';
import { queryRunTable } from '../server/runs/run-table';

const RUNS = 10_000;
const VERSIONS = 2_000;
const MODELS = 20;
const KEYS = 50;
const BAR_MS = 50;
const ITERATIONS = 200;
const UNINDEXED_ITERATIONS = 20;
/** The filtered param takes 10 values, so each filter keeps a tenth: 1,000 runs, 200 versions. */
const FILTER_VALUES = 10;

const key = (i: number) => String(i).padStart(2, '0');

/** Deterministic values, so every run of the bench measures the same data. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function seed(sqlite: Database.Database): void {
  const random = prng(12);
  const now = Date.now();
  sqlite.exec(`
    insert into projects (id, name, description, created_at) values ('bench', 'Bench', '', ${now});
    insert into pipelines (id, project_id, name, current_version, created_at, updated_at) values ('bench-pipe', 'bench', 'Bench', 1, ${now}, ${now});
    insert into pipeline_versions (id, pipeline_id, version, doc, content_hash, message, created_at)
      values ('bench-v1', 'bench-pipe', 1, '{}', 'x', null, ${now});`);
  const run = sqlite.prepare(
    `insert into runs (id, pipeline_id, pipeline_version_id, status, plan, trigger, created_at, started_at, finished_at, use_cache, records_indexed)
     values (?, 'bench-pipe', 'bench-v1', 'succeeded', '{"steps":[]}', 'api', ?, ?, ?, 1, 1)`,
  );
  const param = sqlite.prepare('insert into run_params (run_id, key, step_id, value, num) values (?, ?, ?, ?, ?)');
  const metric = sqlite.prepare('insert into run_metrics (run_id, key, step_id, value) values (?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (let r = 0; r < RUNS; r++) {
      const id = `run-${String(r).padStart(5, '0')}`;
      const at = now - (RUNS - r) * 60_000;
      run.run(id, at, at, at + 30_000);
      for (let k = 0; k < KEYS; k++) {
        if (k === 0) param.run(id, `train.p${key(k)}`, 'train', `v${Math.floor(random() * FILTER_VALUES)}`, null);
        else {
          const n = Math.round(random() * 1000) / 10;
          param.run(id, `train.p${key(k)}`, 'train', String(n), n);
        }
        metric.run(id, `evaluate.m${key(k)}`, 'evaluate', random());
      }
    }
  })();

  const model = sqlite.prepare(`insert into registered_models (id, project_id, name, last_version, created_at, updated_at) values (?, 'bench', ?, ?, ${now}, ${now})`);
  const version = sqlite.prepare(
    `insert into model_versions (id, model_id, version, source, format, artifact_id, signature, metrics, lineage, created_at)
     values (?, ?, ?, 'run', 'pipeworks/logistic', ?, '{"task":"binary"}', '{}', '{}', ?)`,
  );
  const vParam = sqlite.prepare('insert into model_version_params (version_id, key, value) values (?, ?, ?)');
  const vMetric = sqlite.prepare('insert into model_version_metrics (version_id, name, value) values (?, ?, ?)');
  const perModel = VERSIONS / MODELS;
  sqlite.transaction(() => {
    for (let m = 0; m < MODELS; m++) {
      const modelId = `model-${key(m)}`;
      model.run(modelId, `model-${key(m)}`, perModel);
      for (let v = 1; v <= perModel; v++) {
        const id = `${modelId}-v${v}`;
        version.run(id, modelId, v, (m * perModel + v).toString(16).padStart(64, '0'), now - (VERSIONS - m * perModel - v) * 60_000);
        for (let k = 0; k < KEYS; k++) {
          vParam.run(id, `train.p${key(k)}`, k === 0 ? `v${Math.floor(random() * FILTER_VALUES)}` : String(Math.round(random() * 1000) / 10));
          vMetric.run(id, `m${key(k)}`, random());
        }
      }
    }
  })();
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

/**
 * Times `query` for `n` iterations after two warm-up calls; each call gets the iteration number.
 * Wall time is the figure; CPU time (user + system of this process) is printed beside it, since on
 * a shared machine the wall time of one query mostly measures how long it waited for a core.
 */
async function measure(n: number, query: (i: number) => unknown): Promise<Timing> {
  await query(0);
  await query(1);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const usage = process.cpuUsage();
    const started = performance.now();
    await query(i);
    wall.push(performance.now() - started);
    const spent = process.cpuUsage(usage);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { p95: p95(wall), median: p95At(wall, 0.5), cpuP95: p95(cpu) };
}

function p95At(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * q) - 1)];
}

export interface Timing {
  p95: number;
  median: number;
  cpuP95: number;
}

async function runsPage(db: AnyDb, i: number) {
  const result = await queryRunTable(db, {
    scope: { pipelineId: 'bench-pipe' },
    metrics: ['evaluate.m00', 'evaluate.m01', 'evaluate.m02', 'evaluate.m03', 'evaluate.m04'],
    params: ['train.p00', 'train.p01', 'train.p02', 'train.p03', 'train.p04'],
    sort: { field: { kind: 'metric', key: `evaluate.m${key(i % 5)}` }, dir: 'desc' },
    filters: [{ field: { kind: 'param', key: 'train.p00' }, op: '=', value: `v${i % FILTER_VALUES}` }],
    offset: (i % 4) * 50,
    limit: 50,
  });
  if (result.rows.length !== 50) throw new Error(`runs table page had ${result.rows.length} rows`);
  return result;
}

async function registryPage(db: AnyDb, i: number) {
  const result = await listVersions(db, {
    projectId: 'bench',
    param: { key: 'train.p00', value: `v${i % FILTER_VALUES}` },
    sort: 'metric',
    metric: `m${key(i % 5)}`,
    direction: 'desc',
    columns: ['m00', 'm01', 'm02', 'm03', 'm04'],
    // About 200 versions match each filter value: the first two pages are always full.
    offset: (i % 2) * 50,
    limit: 50,
  });
  if (result.rows.length !== 50) throw new Error(`registry page had ${result.rows.length} rows`);
  return result;
}

export interface RegistryBench {
  seedSeconds: number;
  runs: { indexed: Timing; unindexed: Timing };
  registry: { indexed: Timing; unindexed: Timing };
  barMs: number;
  loadAverage: number;
}

export async function benchRegistry(): Promise<RegistryBench> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pipeworks-bench-registry-'));
  try {
    const { sqlite, anyDb } = openDatabase(dir);
    const started = performance.now();
    seed(sqlite);
    const seedSeconds = (performance.now() - started) / 1000;
    const runs = await measure(ITERATIONS, (i) => runsPage(anyDb, i));
    const registry = await measure(ITERATIONS, (i) => registryPage(anyDb, i));
    // The reference: the same queries once the indexes they lean on are gone.
    sqlite.exec(`
      drop index run_params_key_value_idx; drop index run_params_key_num_idx; drop index run_metrics_key_value_idx;
      drop index model_version_params_key_value_idx; drop index model_version_metrics_name_value_idx;`);
    const runsUnindexed = await measure(UNINDEXED_ITERATIONS, (i) => runsPage(anyDb, i));
    const registryUnindexed = await measure(UNINDEXED_ITERATIONS, (i) => registryPage(anyDb, i));
    sqlite.close();
    return {
      seedSeconds,
      runs: { indexed: runs, unindexed: runsUnindexed },
      registry: { indexed: registry, unindexed: registryUnindexed },
      barMs: BAR_MS,
      loadAverage: loadavg()[0],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchRegistry();
  console.log(JSON.stringify(result, null, 2));
}
