// A CPU profile of the serving process under full-speed load: the serve bench's model, endpoint
// and request, autocannon for a few seconds, then `node --cpu-prof` output (one .cpuprofile per
// thread) in the directory given, and the CPU time per request of the whole process and its main
// thread. `npx tsx bench/serve-profile.ts [dir] [seconds]`; no profile with dir "-".
import autocannon, { type Result } from 'autocannon';
import { openDatabase } from '../server/db/client';
import { addKey, createEndpoint, deploy, registerModel } from '../server/serving/test-kit';
import { newDataDir } from '../tests/integration/helpers/server-process';
import { startServing, stopServing } from '../tests/integration/helpers/serving-process';
import { benchMlpModel, inferBody } from './serve.bench';
import { cpuPerRequest } from './serve-load';

const [dir = '-', secondsText = '10'] = process.argv.slice(2);
const seconds = Number(secondsText);

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
const nodeArgs = dir === '-' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`];
const serving = await startServing({ dataDir, env, nodeArgs });
const url = `${serving.url}/v2/models/bench-mlp/infer`;
const request = { method: 'POST' as const, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, body: inferBody() };
console.log(await (await fetch(url, request)).text());
await run({ connections: 10, url, ...request, amount: 20_000 });
const measured = await cpuPerRequest(serving.child.pid!, () => run({ connections: 10, url, ...request, duration: seconds }));
const r = measured.result;
console.log(`${r.requests.average.toFixed(0)} req/s, errors ${r.errors + r.non2xx + r.timeouts}, ${measured.processUs.toFixed(1)} µs CPU a request (main ${measured.mainUs.toFixed(1)} µs)`);
await stopServing(serving);
