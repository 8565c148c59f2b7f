// A CPU profile of the serving process under full-speed load: the serve bench's model, endpoint
// and request, autocannon for a few seconds, then `node --cpu-prof` output (one .cpuprofile per
// thread) in the directory given, and the CPU time per request of the whole process and its main
// thread, beside the bare node:http reference of the bench measured the same way in the same run
// (rounds alternate, so a change in the machine's load falls on both).
// `npx tsx bench/serve-profile.ts [dir] [seconds] [rounds] [interval µs]`; no profile with dir "-".
import type { Result } from 'autocannon';
import { stopServing } from '../tests/integration/helpers/serving-process';
import { run, startBare, startBenchServing } from './serve.bench';
import { cpuPerRequest } from './serve-load';

const [dir = '-', secondsText = '10', roundsText = '1', interval = ''] = process.argv.slice(2);
const seconds = Number(secondsText);
const rounds = Number(roundsText);

const nodeArgs = dir === '-' ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`, ...(interval ? [`--cpu-prof-interval=${interval}`] : [])];
const { serving, url, request, sample } = await startBenchServing(nodeArgs);
console.log(sample);
const bare = await startBare(sample, nodeArgs);
const bareUrl = bare.url;
await run({ connections: 10, url, ...request, amount: 20_000 });
await run({ connections: 10, url: bareUrl, ...request, amount: 20_000 });
const line = (name: string, m: { result: Result; processUs: number; mainUs: number }) =>
  `${name}: ${m.result.requests.average.toFixed(0)} req/s, errors ${m.result.errors + m.result.non2xx + m.result.timeouts}, ${m.processUs.toFixed(1)} µs CPU a request (main ${m.mainUs.toFixed(1)} µs)`;
for (let round = 0; round < rounds; round++) {
  const ours = await cpuPerRequest(serving.child.pid!, () => run({ connections: 10, url, ...request, duration: seconds }));
  const ref = await cpuPerRequest(bare.child.pid!, () => run({ connections: 10, url: bareUrl, ...request, duration: seconds }));
  console.log(`${line('ours', ours)} | ${line('bare', ref)} | ratio ${(ours.result.requests.average / ref.result.requests.average).toFixed(2)}`);
}
const bareExit = new Promise((resolve) => bare.child.once('exit', resolve));
bare.child.kill('SIGTERM');
await bareExit;
await stopServing(serving);
