// `pipeworks serve`: only the serving process, on PIPEWORKS_SERVING_PORT, for any machine that
// reaches the same data directory (database and artifact store). Runs until SIGINT or SIGTERM.
import { setFlagsFromString } from 'node:v8';
import { getEnv } from '../env';
import { startServing } from '../serving/serving-server';
import { CliError } from './cli-error';

export async function cmdServe(args: string[]): Promise<number> {
  let port: number | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port' && /^\d+$/.test(args[i + 1] ?? '')) port = Number(args[++i]);
    else throw new CliError(`serve: unknown argument "${args[i]}" (serve [--port N])`, 2);
  }
  const env = getEnv();
  // Young-generation collections on the serving thread alone. V8 scavenges in parallel with its
  // helper threads by default and the event loop waits for the slowest: on a machine whose cores
  // are busy those threads are not scheduled, and a 1 ms scavenge stalled every request for
  // 7–90 ms (--trace-gc, load average 13 on 2 cores; p99 at 500 requests/s 1.25 s, then 34 ms).
  // Read by V8 at each scavenge, so setting it now takes effect; marking stays concurrent.
  setFlagsFromString('--no-parallel-scavenge');
  const handle = await startServing({
    dataDir: env.PIPEWORKS_DATA_DIR,
    databaseUrl: env.PIPEWORKS_DATABASE_URL,
    host: env.PIPEWORKS_HOST,
    port: port ?? env.PIPEWORKS_SERVING_PORT,
    maxInFlight: env.PIPEWORKS_SERVING_MAX_INFLIGHT,
    maxLagMs: env.PIPEWORKS_SERVING_MAX_LAG_MS,
  });
  console.log(`Pipeworks serving on ${handle.url} (data: ${env.PIPEWORKS_DATA_DIR})`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  console.log(`Serving: ${signal}, finishing requests in flight and writing the prediction log`);
  await handle.close();
  return 0;
}
