// Serving, single-row KServe V2 infer on the bench MLP (20-64-32-1, 20 numeric inputs with their
// standard scaling), over loopback against the real `pipeworks serve` process (prediction log on,
// every request logged). Reference, same run: a bare node:http server in its own process answering
// a constant JSON body of the same size. Figures:
// - throughput (autocannon, 10 connections) as a ratio to the bare server, the two measured in
//   alternating rounds (6 of 10 s each, 2 of 5 s quick) and summed: bar ≥ 0.6; with the CPU time
//   each request cost each server (from /proc), which holds on a busy machine;
// - p99 latency at a steady 500 requests/s (open loop, bench/paced-load.ts): bar ≤ 2 ms;
// - the same while a training run goes on beside it (`pipeworks run`, the studio's run manager,
//   on the same data directory and database): bar ≤ 5 ms;
// - errors (non-2xx, timeouts, resets) over every run: bar 0;
// - resident memory after SMALL requests and after LARGE (median of five samples over the last
//   fifth of the way to each): bar within 10%.
// Full run: 100k and 1M requests, 60 s phases. `npm run bench -- serve --quick`: 10k and 50k, 10 s.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { openDatabase } from '../server/db/client';
import type { ModelArtifact } from '../nodes/models/model-artifact';
import { encodeMlpPayload } from '../nodes/train/mlp-payload';
import { initialParameters, type MlpSpec } from '../nodes/train/mlp-layout';
import { addKey, createEndpoint, deploy, registerModel } from '../server/serving/test-kit';
import { freePort, newDataDir } from '../tests/integration/helpers/server-process';
import { startServing, stopServing } from '../tests/integration/helpers/serving-process';
import type { BenchRow } from './mlp.bench';
import { pacedLoad, type PacedResult } from './paced-load';
import { cpuPerRequest, startTraining } from './serve-load';

const COLS = 20;

export function benchMlpModel(): ModelArtifact {
  const spec: MlpSpec = { inputs: COLS, hidden: [64, 32], activation: 'relu', outputs: 1, output: 'sigmoid' };
  const names = Array.from({ length: COLS }, (_, i) => `x${i}`);
  return {
    format: 'tfjs/mlp',
    task: 'binary',
    target: 'y',
    inputs: names.map((name) => ({ name, type: 'numeric', role: 'feature' })),
    preprocessing: {
      version: 1,
      columns: names.map((name) => ({ kind: 'numeric', name, source: 'numeric', fill: 0, offset: 0.1, scale: 1.2, missing: 0 })),
      dropped: [],
      features: names,
    },
    labels: ['0', '1'],
    payload: encodeMlpPayload({ spec, theta: initialParameters(spec, 7) }),
    training: { algorithm: 'tfjs/mlp' },
  };
}

export function inferBody(): string {
  return JSON.stringify({
    inputs: Array.from({ length: COLS }, (_, i) => ({ name: `x${i}`, shape: [1], datatype: 'FP64', data: [Math.round(Math.sin(i) * 1000) / 1000] })),
  });
}

export function run(options: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

const failures = (r: Result) => r.errors + r.timeouts + r.non2xx + r.resets;

async function rssBytes(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = /^process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text);
  if (!m) throw new Error('no process_resident_memory_bytes in /metrics');
  return Number(m[1]);
}

/**
 * Sends requests from `from` to `to` and samples resident memory five times over the last fifth
 * of the way (every twentieth of `to`, the last at `to`): their median. One sample swings by
 * ±10% with where the two threads' garbage collectors stand, more than the growth it measures.
 */
async function loadAndSample(options: autocannon.Options, from: number, to: number, statsUrl: string): Promise<{ results: Result[]; rss: number }> {
  const step = Math.round(to / 20);
  const results = [await run({ ...options, amount: to - from - 4 * step })];
  const samples = [await rssBytes(statsUrl)];
  for (let i = 0; i < 4; i++) {
    results.push(await run({ ...options, amount: step }));
    samples.push(await rssBytes(statsUrl));
  }
  samples.sort((a, b) => a - b);
  return { results, rss: samples[2] };
}

/** The reference: a bare node:http server answering `body`; `nodeArgs` as for the serving process (a CPU profile). */
export async function startBare(body: string, nodeArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, path.join('bench', 'serve-bare.mjs')], { env: { ...process.env, BARE_PORT: String(port), BARE_BODY: body }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

/** The bench MLP deployed behind a real `pipeworks serve` process with an infer key and no rate limit; its URL, one request and that request's answer. */
export async function startBenchServing(nodeArgs: string[] = []) {
  const dataDir = newDataDir();
  const { anyDb: db, sqlite } = openDatabase(dataDir);
  const version = await registerModel(db, dataDir, benchMlpModel(), 'bench-mlp');
  const endpointId = await createEndpoint(db, 'bench-mlp', version.modelId, { rateLimitPerMinute: 1_000_000_000 });
  await deploy(db, endpointId, version.versionId);
  const { key } = await addKey(db, endpointId, ['infer']);
  sqlite.close();
  const serving = await startServing({ dataDir, env: { PIPEWORKS_SERVING_MAX_INFLIGHT: '100000' }, nodeArgs });
  const url = `${serving.url}/v2/models/bench-mlp/infer`;
  const request = { method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: inferBody() };
  const sample = await (await fetch(url, request)).text();
  return { dataDir, serving, url, request, sample };
}

/**
 * `seconds` of full-speed load on each of two servers, in `rounds` equal rounds taken in turn (one
 * of the first, one of the second, …), so both see the same stretches of the machine. Rates and CPU
 * are over all of a server's rounds together; p50 and p99 are its worst round's.
 */
async function alternating(servers: { pid: number; options: autocannon.Options }[], seconds: number, rounds: number): Promise<RoundsResult[]> {
  const sums = servers.map(() => ({ results: [] as Result[], rates: [] as number[], requests: 0, processUs: 0, mainUs: 0, p50: 0, p99: 0 }));
  for (let i = 0; i < rounds; i++) {
    for (const [k, { pid, options }] of servers.entries()) {
      const m = await cpuPerRequest(pid, () => run({ ...options, duration: seconds / rounds }));
      const n = m.result.requests.total;
      const sum = sums[k];
      sum.results.push(m.result);
      sum.rates.push(n / (seconds / rounds));
      sum.requests += n;
      sum.processUs += m.processUs * n;
      sum.mainUs += m.mainUs * n;
      sum.p50 = Math.max(sum.p50, m.result.latency.p50);
      sum.p99 = Math.max(sum.p99, m.result.latency.p99);
    }
  }
  return sums.map((sum) => ({
    results: sum.results,
    rates: sum.rates,
    rate: sum.requests / seconds,
    processUs: sum.processUs / Math.max(1, sum.requests),
    mainUs: sum.mainUs / Math.max(1, sum.requests),
    p50: sum.p50,
    p99: sum.p99,
  }));
}

interface RoundsResult {
  results: Result[];
  rates: number[];
  rate: number;
  processUs: number;
  mainUs: number;
  p50: number;
  p99: number;
}

export async function benchServe(args: string[] = []): Promise<BenchRow[]> {
  const quick = args.includes('--quick');
  const secondsArg = args.find((a) => a.startsWith('--seconds='));
  const seconds = secondsArg ? Number(secondsArg.slice('--seconds='.length)) : quick ? 10 : 60;
  const [small, large] = quick ? [10_000, 50_000] : [100_000, 1_000_000];

  const { dataDir, serving, url, request, sample } = await startBenchServing();
  const bare = await startBare(sample);

  try {
    const common = { connections: 10, pipelining: 1, ...request };
    const paced = (target: string, duration: number) => pacedLoad({ url: target, rate: 500, seconds: duration, connections: 10, ...request });
    // Memory first, each sample right after a full-speed stretch: RSS taken after a slow phase
    // (the paced ones below) reads lower, as the idle process gives memory back, and the ratio
    // would then measure the load, not growth.
    const toSmall = await loadAndSample({ ...common, url }, 0, small, serving.url);
    const rssSmall = toSmall.rss;
    const toLarge = await loadAndSample({ ...common, url }, small, large, serving.url);
    const rssLarge = toLarge.rss;
    // Warm the bare server too (JIT, connection set-up), then measure each the same way.
    await run({ ...common, url: bare.url, duration: 3 });
    // Throughput in alternating rounds, ours then the bare server, summed: this machine's speed
    // moves (a shared VM), and one 60 s stretch of each in turn once caught the bare server at
    // 39 µs a request against its usual 21–25, which made a ratio of 0.64 out of a usual 0.4.
    const rounds = quick ? 2 : 6;
    const [ours, reference] = await alternating(
      [
        { pid: serving.child.pid!, options: { ...common, url } },
        { pid: bare.child.pid!, options: { ...common, url: bare.url } },
      ],
      seconds,
      rounds,
    );
    const steady = await paced(url, seconds);
    const steadyBare = await paced(bare.url, seconds);
    const training = await startTraining(dataDir);
    let trained: PacedResult;
    let trainingLasted: boolean;
    try {
      trained = await paced(url, seconds);
      trainingLasted = training.running();
    } finally {
      await training.stop();
    }
    const pacedCount = steady.sent + trained.sent;
    const cannons = [...ours.results, ...toSmall.results, ...toLarge.results];
    const errors = cannons.reduce((sum, r) => sum + failures(r), 0) + steady.failed + trained.failed;
    const total = cannons.reduce((sum, r) => sum + r.requests.total, 0) + pacedCount;

    const ratio = ours.rate / reference.rate;
    const roundRatios = ours.rates.map((r, i) => r / reference.rates[i]);
    const growth = rssLarge / rssSmall - 1;
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const ms = (x: number) => `${x.toFixed(2)} ms`;
    const latencies = (r: PacedResult) => `p50 ${ms(r.p50)}, p99.9 ${ms(r.p999)}, max ${ms(r.max)}, ${r.rate.toFixed(0)} req/s answered`;
    const tag = quick ? ' (quick run)' : '';
    // Which scorer the process chose at load and what each measured (our predictor vs onnxruntime-node).
    const scorers = /scored by (\S+) \(a probe call: ([^)]*)\)/.exec(serving.output());
    const scorerNote = scorers ? `; scorer ${scorers[1]} (one probe call: ${scorers[2]})` : '';
    const cpu = (c: { processUs: number; mainUs: number }) => `${c.processUs.toFixed(0)} µs CPU a request (main thread ${c.mainUs.toFixed(0)} µs)`;
    return [
      {
        name: `serve: V2 infer throughput, one row on the bench MLP, 10 connections, ${seconds} s in ${rounds} rounds alternating with the reference${tag}`,
        figure: `${ours.rate.toFixed(0)} req/s (p50 ${ours.p50} ms, p99 ${ours.p99} ms, the worst round's), ${cpu(ours)}; round ratios ${Math.min(...roundRatios).toFixed(2)}–${Math.max(...roundRatios).toFixed(2)}${scorerNote}`,
        reference: `bare node:http constant JSON ${reference.rate.toFixed(0)} req/s, ${cpu(reference)}`,
        ratio,
        bar: 'ratio ≥ 0.6',
        pass: ratio >= 0.6,
      },
      {
        name: `serve: V2 infer p99 at a steady 500 requests/s, ${seconds} s${tag}`,
        figure: `p99 ${ms(steady.p99)} (${latencies(steady)})`,
        reference: `bare server at the same steady 500 req/s: p99 ${ms(steadyBare.p99)} (${latencies(steadyBare)})`,
        ratio: steady.p99 / 2,
        bar: 'p99 ≤ 2 ms',
        pass: steady.p99 <= 2,
      },
      {
        name: `serve: V2 infer p99 at a steady 500 requests/s while an MLP trains beside it, ${seconds} s${tag}`,
        figure: `p99 ${ms(trained.p99)} (${latencies(trained)})${trainingLasted ? '' : '; the training run ended before the phase did'}`,
        reference: `without the training run: p99 ${ms(steady.p99)}`,
        ratio: trained.p99 / 5,
        bar: 'p99 ≤ 5 ms',
        pass: trained.p99 <= 5 && trainingLasted,
      },
      {
        name: `serve: errors over every phase${tag}`,
        figure: `${errors} of ${total} requests (non-2xx ${cannons.reduce((s, r) => s + r.non2xx, 0) + steady.failed + trained.failed}, timeouts ${cannons.reduce((s, r) => s + r.timeouts, 0)})`,
        reference: 'none',
        ratio: errors,
        bar: '0 errors',
        pass: errors === 0,
      },
      {
        name: `serve: resident memory after ${large.toLocaleString('en')} requests vs after ${small.toLocaleString('en')}${tag}`,
        figure: `${mb(rssLarge)} vs ${mb(rssSmall)} (${(growth * 100).toFixed(1)}%; each the median of five samples over the last fifth of the way)`,
        reference: `after ${small.toLocaleString('en')}`,
        ratio: rssLarge / rssSmall,
        bar: 'within 10%',
        pass: Math.abs(growth) <= 0.1,
      },
    ];
  } finally {
    bare.child.kill('SIGTERM');
    await stopServing(serving);
  }
}
