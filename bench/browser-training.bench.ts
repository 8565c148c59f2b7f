// MLP training in the browser, per TF.js backend: the MLP bench's 20-64-32-1 network, task and
// settings, trained by trainMlp in a Web Worker (as the product's browser runner trains) in
// headless Debian Chromium, once each on webgpu, webgl, wasm (single-threaded) and cpu, a fresh
// browser and worker per backend. Reference, same run: the same training in this Node process on
// the server's backends (wasm, then cpu). Figures: wall time of the training and its ratio to the
// server's; the last epoch's loss and the holdout accuracy show that a backend trained correctly.
// No speed bar: without a GPU, webgpu and webgl run on SwiftShader. The check is correctness.
// Run alone: npm run bench:browser (or npx tsx bench/browser-training.bench.ts); add
// `-- --batch-sizes 512,1024,2048,4096` for one pass per batch size. On webgpu and webgl it also
// counts GPU kernel dispatches per gradient step, a figure SwiftShader measures as a real GPU would.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { assertNever } from '../engine/assert-never';
import { initTf } from '../nodes/train/tf-backend';
import { timeTraining, type TrainingJob, type TrainingOutcome } from './browser-training-run';
import { serveBenchSite, type BenchSite } from './browser-training-serve';
import type { WorkerReply, WorkerRequest } from './browser-training-worker';
import { MLP_BENCH_SETTINGS, type BenchRow } from './mlp.bench';

const CHROMIUM = process.env.PIPEWORKS_CHROMIUM ?? '/usr/bin/chromium';
const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
const JOB: TrainingJob = { trainRows: 80_000, ...MLP_BENCH_SETTINGS, seed: 1 };
const SERVER_REPEATS = 3;
const BACKEND_TIMEOUT_MS = 300_000; // webgpu on SwiftShader takes 150–170 s on 2 busy cores
/** A trained backend must reach the server's holdout accuracy within this many points. */
const ACCURACY_POINTS = 1;
const SERVER_ML = {
  backends: ['wasm', 'cpu'],
  wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'),
};
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--no-first-run'];
const EXTRA_ARGS: Record<Backend, string[]> = { webgpu: ['--enable-unsafe-webgpu'], webgl: [], wasm: [], cpu: [] };

type Backend = (typeof BACKENDS)[number];

export async function benchBrowserTraining(batchSizes: readonly number[] = [JOB.batchSize], backends: readonly Backend[] = BACKENDS): Promise<BenchRow> {
  const name = `MLP 20-64-32-1 training in a browser Web Worker per TF.js backend (${JOB.trainRows / 1000}k × 20 rows, headless Chromium)`;
  const bar = `none for speed (no GPU here); each backend that trains reaches the server's holdout accuracy within ${ACCURACY_POINTS} point`;
  if (!existsSync(CHROMIUM)) {
    return { name, figure: `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`, reference: '-', ratio: NaN, bar, pass: true };
  }
  const site = await serveBenchSite();
  const results: { job: TrainingJob; server: Awaited<ReturnType<typeof serverReference>>; replies: WorkerReply[] }[] = [];
  let version = '';
  try {
    for (const batchSize of batchSizes) {
      const job = { ...JOB, batchSize };
      const server = await serverReference(job);
      const replies: WorkerReply[] = [];
      for (const backend of backends) {
        const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...BASE_ARGS, ...EXTRA_ARGS[backend]] });
        version = browser.version();
        try {
          replies.push(await trainInPage(await browser.newPage(), site, { ...job, backend, wasmPath: site.wasmPath }));
        } finally {
          await browser.close();
        }
      }
      results.push({ job, server, replies });
    }
  } finally {
    await site.close();
  }

  console.log(`\n[browser] Chromium ${version}; ${JOB.trainRows} training rows, ${JOB.epochs} epochs, Adam lr ${JOB.learningRate}, seed ${JOB.seed}`);
  for (const { job, server, replies } of results) {
    const s = server.median;
    console.log(`[browser] batch ${job.batchSize}: server (Node) TF.js ${server.backend}: ${server.runs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ')}; median ${outcome(s)}`);
    for (const r of replies) console.log(`[browser] batch ${job.batchSize}: ${r.backend}${r.device ? ` (${r.device})` : ''}: ${describe(r, s)}`);
  }

  // The row is the first batch size's; its ratio that of the first backend in the runner's order that trained.
  const { server, replies } = results[0];
  const s = server.median;
  const correct = (r: TrainingOutcome, ref: TrainingOutcome) => Math.abs(r.holdoutAccuracy - ref.holdoutAccuracy) * 100 <= ACCURACY_POINTS;
  const first = replies.find((r) => r.status === 'trained');
  return {
    name,
    figure: replies.map((r) => `${r.backend} ${r.status === 'trained' ? `${r.seconds.toFixed(1)} s (${(r.seconds / s.seconds).toFixed(1)}×)` : r.status}`).join(', '),
    reference: `server (Node) TF.js ${server.backend} ${s.seconds.toFixed(2)} s, median of ${SERVER_REPEATS}`,
    ratio: first?.status === 'trained' ? first.seconds / s.seconds : NaN,
    bar,
    pass: results.every(
      (x) =>
        x.server.backend === 'wasm' &&
        x.replies.every((r) => r.status !== 'failed' && (r.status !== 'trained' || correct(r, x.server.median))),
    ),
  };
}

async function serverReference(job: TrainingJob): Promise<{ backend: string; runs: TrainingOutcome[]; median: TrainingOutcome }> {
  const { tf, backend } = await initTf(SERVER_ML);
  const runs: TrainingOutcome[] = [];
  for (let i = 0; i < SERVER_REPEATS; i++) runs.push(await timeTraining(tf, job));
  const median = [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
  return { backend, runs, median };
}

async function trainInPage(page: Page, site: BenchSite, request: WorkerRequest): Promise<WorkerReply> {
  const { backend } = request;
  await page.goto(site.url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<WorkerReply>((resolve) => {
    timer = setTimeout(() => resolve({ backend, status: 'failed', reason: `no reply in ${BACKEND_TIMEOUT_MS / 1000} s` }), BACKEND_TIMEOUT_MS);
  });
  try {
    // A string, not a function: tsx's keepNames would add a `__name` helper the page lacks.
    return await Promise.race([page.evaluate<WorkerReply>(`runBackend(${JSON.stringify(request)})`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(r: WorkerReply, server: TrainingOutcome): string {
  switch (r.status) {
    case 'trained':
      return `${outcome(r)}; epochs ${r.epochSeconds.map((t) => t.toFixed(1)).join(' + ')} s; ratio ${(r.seconds / server.seconds).toFixed(2)}× the server's time${r.dispatchesPerStep !== undefined ? `; ${r.dispatchesPerStep.toFixed(1)} GPU dispatches per step` : ''}${r.kernelCheck ? `; kernel self-check ${r.kernelCheck.seconds.toFixed(1)} s before training, ${r.kernelCheck.problem ? `FAILED (${r.kernelCheck.problem}): trained with ops` : 'passed'}` : ''}`;
    // The first line names the cause; TF.js appends a stack to some of them.
    case 'unavailable':
      return `unavailable: ${r.reason.split('\n')[0]}`;
    case 'failed':
      return `FAILED: ${r.reason.split('\n')[0]}`;
    default:
      return assertNever(r);
  }
}

const outcome = (r: TrainingOutcome) => `${r.seconds.toFixed(2)} s, last-epoch loss ${r.loss.toFixed(4)}, holdout accuracy ${r.holdoutAccuracy.toFixed(4)}`;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // --batch-sizes 512,1024,4096 repeats the bench per batch size (where a GPU starts to pay off);
  // --backends webgpu,wasm trains on those only.
  const list = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? (process.argv[at + 1] ?? '').split(',') : undefined;
  };
  const batchSizes = list('--batch-sizes')?.map(Number);
  const backends = list('--backends');
  const badBatch = batchSizes?.some((b) => !Number.isInteger(b) || b < 1);
  const badBackend = backends?.some((b) => !(BACKENDS as readonly string[]).includes(b));
  if (badBatch || badBackend) {
    console.error(`usage: tsx bench/browser-training.bench.ts [--batch-sizes 512,1024,4096] [--backends ${BACKENDS.join(',')}]`);
    process.exit(2);
  }
  const row = await benchBrowserTraining(batchSizes, backends as Backend[] | undefined);
  console.log(`\n${row.pass ? 'PASS' : 'MISS'}  ${row.name}\n      ${row.figure}; reference: ${row.reference}; ratio ${row.ratio.toFixed(2)}×; bar: ${row.bar}`);
}
