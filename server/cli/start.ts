// `pipeworks start` (what `npm start` runs after the build): the studio (`next start`) and the
// serving process (`pipeworks serve`) as two child processes. Signals are passed on to both; when
// either one exits, the other is stopped and `start` exits too, so a supervisor sees the failure
// instead of half a Pipeworks. `--no-serve` starts the studio alone.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { stopKpiLoop } from '../dashboard/kpi-loop';
import { closeDb } from '../db/client';
import { getEnv } from '../env';
import { CliError } from './cli-error';
import { cmdSetup } from './setup';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export async function cmdStart(args: string[]): Promise<number> {
  const serve = !args.includes('--no-serve');
  const unknown = args.find((a) => a !== '--no-serve');
  if (unknown) throw new CliError(`start: unknown argument "${unknown}" (start [--no-serve])`, 2);
  const env = getEnv();
  await cmdSetup();
  // The children open the database themselves, and the studio runs the KPI loop setup started here:
  // left running, it ticked on the closed database every 2 s, printing a stack trace each time.
  stopKpiLoop();
  closeDb();
  const root = process.cwd();
  const children: { name: string; child: ChildProcess }[] = [
    { name: 'studio', child: spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-H', env.PIPEWORKS_HOST, '-p', String(env.PORT)], { stdio: 'inherit' }) },
  ];
  if (serve) children.push({ name: 'serving', child: spawn(process.execPath, [path.join(root, 'bin/pipeworks.mjs'), 'serve'], { stdio: 'inherit' }) });
  console.log(`Pipeworks: studio on http://${env.PIPEWORKS_HOST}:${env.PORT}${serve ? `, serving on http://${env.PIPEWORKS_HOST}:${env.PIPEWORKS_SERVING_PORT}` : ' (serving not started: --no-serve)'}`);

  let stopping = false;
  const stopAll = (signal: NodeJS.Signals) => {
    for (const { child } of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of SIGNALS) {
    process.on(signal, () => {
      stopping = true;
      stopAll(signal);
    });
  }
  const exits = children.map(
    ({ name, child }) =>
      new Promise<{ name: string; code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.once('exit', (code, signal) => resolve({ name, code, signal }));
        child.once('error', (error) => {
          console.error(`Pipeworks: the ${name} process could not start: ${error.message}`);
          resolve({ name, code: 1, signal: null });
        });
      }),
  );
  const first = await Promise.race(exits);
  if (!stopping) {
    console.error(`Pipeworks: the ${first.name} process exited (${first.signal ?? `code ${first.code}`}); stopping the rest`);
    stopAll('SIGTERM');
  }
  await Promise.all(exits);
  return stopping ? 0 : first.code || 1;
}
