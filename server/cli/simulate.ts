// `pipeworks simulate --endpoint E --key K --requests N`: the drift simulator from the command line
// (server/simulator/simulate.ts) against a running serving process. Exit 0 when it ran (refused
// requests are counted, not fatal), 1 when serving could not be used, 2 on bad usage.
import { parseArgs } from 'node:util';
import { servingUrl } from '../deployments/serving-url';
import { describeScenario } from '../simulator/drift-scenario';
import { simulate, simulationSchema, type SimulationResult } from '../simulator/simulate';
import { CliError } from './cli-error';

const OPTIONS = {
  endpoint: { type: 'string' },
  key: { type: 'string' },
  url: { type: 'string' },
  requests: { type: 'string' },
  'rows-per-request': { type: 'string' },
  rate: { type: 'string' },
  'label-delay-ms': { type: 'string' },
  'no-labels': { type: 'boolean' },
  seed: { type: 'string' },
  drift: { type: 'string' },
  'amount-scale': { type: 'string' },
  'new-categories': { type: 'string' },
  'fraud-rate': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const SIMULATE_USAGE = `simulate --endpoint E --requests N [--key K] [--url U] [--rate R] [--rows-per-request B]
         [--seed S] [--drift 0..1] [--amount-scale X] [--new-categories SHARE] [--fraud-rate P]
         [--label-delay-ms MS | --no-labels] [--json]`;

export async function cmdSimulate(args: string[]): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; args: string[] }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: OPTIONS, strict: true }));
  } catch (error) {
    throw new CliError(`simulate: ${(error as Error).message}\n${SIMULATE_USAGE}`, 2);
  }
  const key = values.key ?? process.env.PIPEWORKS_ENDPOINT_KEY;
  if (!values.endpoint || !key) throw new CliError(`simulate: --endpoint and --key (or PIPEWORKS_ENDPOINT_KEY) are needed\n${SIMULATE_USAGE}`, 2);
  const parsed = simulationSchema.safeParse({
    requests: number(values.requests, 'requests') ?? 100,
    rowsPerRequest: number(values['rows-per-request'], 'rows-per-request'),
    rate: number(values.rate, 'rate'),
    labelDelayMs: values['no-labels'] ? null : number(values['label-delay-ms'], 'label-delay-ms'),
    scenario: {
      seed: number(values.seed, 'seed'),
      drift: number(values.drift, 'drift'),
      amountScale: number(values['amount-scale'], 'amount-scale'),
      newCategoryShare: number(values['new-categories'], 'new-categories'),
      fraudRate: number(values['fraud-rate'], 'fraud-rate'),
    },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`simulate: ${issue.path.join('.')}: ${issue.message}`, 2);
  }
  const result = await simulate({ url: values.url ?? servingUrl(), endpoint: values.endpoint, key }, parsed.data);
  console.log(values.json ? JSON.stringify(result) : summary(result, describeScenario(parsed.data.scenario)));
  return 0;
}

function number(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new CliError(`simulate: --${name} takes a number, got "${text}"`, 2);
  return value;
}

function summary(r: SimulationResult, scenario: string): string {
  const lines = [
    `Sent ${r.requests} requests (${r.rows} rows, ${r.fraudRows} fraud) to "${r.endpoint}" in ${(r.durationMs / 1000).toFixed(1)} s: ${scenario}`,
    `Answered ${r.answered} rows, logged ${r.logged}; refused ${r.refused} requests`,
    ...r.errors.map((e) => `  request ${e.request}: HTTP ${e.status} ${e.message}`),
    r.labels ? `Labels posted later: ${r.labels.stored} stored, ${r.labels.unknown} unknown ids` : 'No labels posted',
  ];
  return lines.join('\n');
}
