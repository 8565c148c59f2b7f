// A CPU profile of the serving process under full-speed load: the serve bench's model, endpoint
// and request, autocannon for a few seconds, then `node --cpu-prof` output (one .cpuprofile per
// thread) in the directory given, and the CPU time per request of the whole process and its main
// thread, beside the bare node:http reference of the bench measured the same way in the same run
// (rounds alternate, so a change in the machine's load falls on both).
// `npx tsx bench/serve-profile.ts [dir] [seconds] [rounds] [interval µs]`; no profile with dir "-".
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { openDatabase } from '../server/db/client';
import { addKey, createEndpoint, deploy, registerModel } from '../server/serving/test-kit';
import { freePort, newDataDir } from '../tests/integration/helpers/server-process';
import { startServing, stopServing } from '../tests/integration/helpers/serving-process';
import { benchMlpModel, inferBody } from './serve.bench';
import { cpuPerRequest } from './serve-load';

const [dir = '-', secondsText = '10', roundsText = '1', interval = ''] = process.argv.slice(2);
const seconds = Number(secondsText);
const rounds = Number(roundsText);

function run(options: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => autocannon(options, (error, result) => (error ? reject(error) : resolve(result))));
}

const dataDir = newDataDir();
const { db, sqlite } = openDatabase(dataDir);
const version = await registerModel(db, dataDir, benchMlpModel(), 'bench-mlp');
const endpointId = createEndpoint(db, 'bench-mlp', version.modelId, { rateLimitPerMinute: 1_000_000_000 });
deploy(db, endpointId, version.versionId);
const { key } = addKey(db, endpointId, ['infer']);
sqlite.close();
const env: Record<string, string> = { PIPEWORKS_SERVING_MAX_INFLIGHT: '100000' };
const nodeArgs = dir === '-' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])];
const serving = await startServing({ dataDir, env, nodeArgs });
const url = `${serving.url}/v2/models/bench-mlp/infer`;
const request = { method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: inferBody() };
const sample = await (await fetch(url, request)).text();
console.log(sample);
const barePort = await freePort();
const bare = spawn(process.execPath, [...nodeArgs, path.join('bench', 'serve-bare.mjs')], { env: { ...process.env, BARE_PORT: String(barePort), BARE_BODY: sample }, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise<void>((resolve) => bare.stdout!.once('data', () => resolve()));
const bareUrl = `http://127.0.0.1:${barePort}`;
await run({ connections: 10, url, ...request, amount: 20_000 });
await run({ connections: 10, url: bareUrl, ...request, amount: 20_000 });
const line = (name: string, m: { result: Result; processUs: number; mainUs: number }) =>
  `${name}: ${m.result.requests.average.toFixed(0)} req/s, errors ${m.result.errors + m.result.non2xx + m.result.timeouts}, ${m.processUs.toFixed(1)} µs CPU a request (main ${m.mainUs.toFixed(1)} µs)`;
for (let round = 0; round < rounds; round++) {
  const ours = await cpuPerRequest(serving.child.pid!, () => run({ connections: 10, url, ...request, duration: seconds }));
  const ref = await cpuPerRequest(bare.pid!, () => run({ connections: 10, url: bareUrl, ...request, duration: seconds }));
  console.log(`${line('ours', ours)} | ${line('bare', ref)} | ratio ${(ours.result.requests.average / ref.result.requests.average).toFixed(2)}`);
}
const bareExit = new Promise((resolve) => bare.once('exit', resolve));
bare.kill('SIGTERM');
await bareExit;
await stopServing(serving);
