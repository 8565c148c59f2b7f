// `pipeworks promote <model>[@vN|@latest|@alias] --alias A --gate METRIC>=X ... [--champion METRIC[:MARGIN]]`
// Exit 0 moved (or already there, or waiting for an approval), 1 a gate failed (nothing moved), 2 usage.
import { parseArgs } from 'node:util';
import { didYouMean } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { championRuleSchema, type ChampionRule } from '../../nodes/deploy/deploy-gates';
import { GATE_OPS, gateSchema, type Gate } from '../../nodes/evaluate/gates';
import { METRIC_NAMES } from '../../nodes/evaluate/metric-catalogue';
import { getDb } from '../db/client';
import { promoteVersion } from '../registry/promote';
import { CliError } from './cli-error';

const OPTIONS = {
  alias: { type: 'string' },
  gate: { type: 'string', multiple: true },
  champion: { type: 'string' },
  project: { type: 'string' },
  comment: { type: 'string' },
  json: { type: 'boolean' },
} as const;
const USAGE = 'pipeworks promote <model>[@vN|@latest|@alias] --alias NAME --gate METRIC>=VALUE ... [--champion METRIC[:MARGIN]]';

function metricName(text: string, flag: string): string {
  if ((METRIC_NAMES as readonly string[]).includes(text)) return text;
  throw new CliError(`${flag}: "${text}" is not a metric.${didYouMean(text, METRIC_NAMES)} Metrics: ${METRIC_NAMES.join(', ')}`, 2);
}

export function parseGate(text: string): Gate {
  // Longest operators first, so ">=" is not read as ">".
  const op = [...GATE_OPS].sort((a, b) => b.length - a.length).find((o) => text.includes(o));
  if (!op) throw new CliError(`--gate takes METRIC${GATE_OPS.join('|')}VALUE, e.g. --gate roc_auc>=0.85 (got "${text}")`, 2);
  const [metric, value] = [text.slice(0, text.indexOf(op)).trim(), text.slice(text.indexOf(op) + op.length).trim()];
  const parsed = gateSchema.safeParse({ metric: metricName(metric, '--gate'), op, value: value === '' ? NaN : Number(value) });
  if (!parsed.success || !Number.isFinite(parsed.data.value)) throw new CliError(`--gate ${text}: the bound must be a number`, 2);
  return parsed.data;
}

function parseChampion(text: string | undefined): ChampionRule | null {
  if (text === undefined) return null;
  const [metric, margin] = text.split(':');
  const parsed = championRuleSchema.safeParse({ metric: metricName(metric.trim(), '--champion'), margin: margin === undefined ? 0 : Number(margin) });
  if (!parsed.success) throw new CliError(`--champion ${text}: the margin must be a number >= 0`, 2);
  return parsed.data;
}

export async function cmdPromote(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length !== 1 || !values.alias) throw new CliError(`Name one model version and the alias: ${USAGE}`, 2);
  const gates = (values.gate ?? []).map(parseGate);
  const champion = parseChampion(values.champion);
  if (gates.length === 0 && !champion) throw new CliError(`Name at least one gate (--gate or --champion): a promotion with nothing to pass is not a gated one. ${USAGE}`, 2);
  let outcome;
  try {
    outcome = await promoteVersion(getDb().anyDb, { reference: positionals[0], project: values.project, alias: values.alias, gates, champion, comment: values.comment });
  } catch (error) {
    // A gate on a metric this model's task has no, an unknown model or version: the command was wrong.
    if (error instanceof UserError) throw new CliError(error.message, 2);
    throw error;
  }
  const label = `${outcome.model} v${outcome.version}`;
  if (values.json) console.log(JSON.stringify(outcome, null, 2));
  else for (const g of outcome.gates) console.log(`gate ${g.passed ? 'passed' : 'FAILED'}: ${g.gate} — ${g.detail}`);
  switch (outcome.state) {
    case 'refused':
      for (const g of outcome.gates.filter((x) => !x.passed)) console.error(`gate failed: ${g.gate} — ${g.detail}`);
      console.error(`not promoted: "${outcome.alias}" was not moved to ${label}`);
      return 1;
    case 'moved':
      if (!values.json) console.log(`promoted ${label} to "${outcome.alias}" (was ${outcome.from === null ? 'unset' : `v${outcome.from}`})`);
      return 0;
    case 'unchanged':
      if (!values.json) console.log(`"${outcome.alias}" already names ${label}`);
      return 0;
    case 'pending':
      if (!values.json) console.log(`gates passed; this project approves moves of "${outcome.alias}": request ${outcome.requestId} waits for a manager in the studio`);
      return 0;
  }
}
