// `pipeworks gc [--dry-run] [--grace-hours H] [--json]`: lists the artifacts nothing kept needs any
// more and that have been unreferenced past the grace period, then (without --dry-run) removes them.
import { parseArgs } from 'node:util';
import { boot } from '../boot';
import { getDb } from '../db/client';
import { getEnv } from '../env';
import { collectGc, planGc, type GcCandidate, type GcPlan } from '../storage/gc';
import { CliError } from './cli-error';

const MB = 1024 * 1024;

export async function cmdGc(args: string[]): Promise<number> {
  const { values } = readArgs(args);
  const env = getEnv();
  const graceHours = values['grace-hours'] === undefined ? env.PIPEWORKS_GC_GRACE_HOURS : Number(values['grace-hours']);
  if (!Number.isFinite(graceHours) || graceHours < 0) throw new CliError(`--grace-hours takes a number of hours ≥ 0 (got "${values['grace-hours']}")`, 2);
  await boot({ resume: false });
  const { anyDb } = getDb();
  const graceMs = graceHours * 3_600_000;
  const plan = await planGc(anyDb, { graceMs });
  if (values['dry-run']) {
    if (values.json) console.log(JSON.stringify({ dryRun: true, graceHours, ...plan }, null, 2));
    else printPlan(plan.candidates, plan, graceHours);
    return 0;
  }
  const result = await collectGc(anyDb, env.PIPEWORKS_DATA_DIR, { graceMs, userId: null, via: 'cli' });
  if (values.json) console.log(JSON.stringify({ dryRun: false, graceHours, ...result, waiting: plan.waiting, kept: plan.kept }, null, 2));
  else {
    console.log(`Removed ${result.removed.count} artifacts, ${(result.removed.bytes / MB).toFixed(2)} MB freed.`);
    if (result.missingFiles > 0) console.log(`${result.missingFiles} of them had no file on disk any more.`);
    console.log(waitingLine(plan, graceHours));
  }
  return 0;
}

function readArgs(args: string[]) {
  try {
    return parseArgs({ args, options: { 'dry-run': { type: 'boolean' }, 'grace-hours': { type: 'string' }, json: { type: 'boolean' } } });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\nUsage: pipeworks gc [--dry-run] [--grace-hours H] [--json]`, 2);
  }
}

function printPlan(candidates: GcCandidate[], plan: GcPlan, graceHours: number): void {
  console.log(`Would remove ${plan.free.count} artifacts, ${(plan.free.bytes / MB).toFixed(2)} MB (dry run: nothing removed).`);
  for (const c of candidates) {
    const why = c.releasedBy ? `released: ${c.releasedBy}, ${new Date(c.releasedAt!).toISOString()}` : `never referenced, written ${new Date(c.createdAt).toISOString()}`;
    console.log(`  ${c.id.slice(0, 16)}  ${c.kind.padEnd(8)} ${String(c.size).padStart(12)} B  ${why}`);
  }
  console.log(waitingLine(plan, graceHours));
}

function waitingLine(plan: GcPlan, graceHours: number): string {
  return (
    `Kept: ${plan.kept.count} artifacts still referenced (${(plan.kept.bytes / MB).toFixed(2)} MB); ` +
    `${plan.waiting.count} unreferenced within the ${graceHours} h grace period (${(plan.waiting.bytes / MB).toFixed(2)} MB).`
  );
}
