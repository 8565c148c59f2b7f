// The drift simulator: real traffic to a deployed endpoint through the serving process — N V2
// requests at a given rate, rows from the card-fraud generator with the chosen drift — and the
// ground truth posted later through the feedback route, `labelDelayMs` after each answer, for
// the prediction ids serving returned. Deterministic in what it sends for a given seed.
import { z } from 'zod';
import { closestName } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { driftRows, type SimulatedRow } from './drift-rows';
import { driftScenarioSchema } from './drift-scenario';
import { LabelQueue } from './label-queue';
import { ServingClient, type ModelInput } from './serving-client';

export const simulationSchema = z
  .object({
    requests: z.number().int().min(1).max(100_000),
    rowsPerRequest: z.number().int().min(1).max(1000).default(1),
    /** Requests per second. */
    rate: z.number().positive().max(10_000).default(50),
    /** Milliseconds from an answer to its labels; null: no labels are posted. */
    labelDelayMs: z.number().int().min(0).max(24 * 3_600_000).nullable().default(1000),
    scenario: driftScenarioSchema.default(driftScenarioSchema.parse({})),
  })
  .strict();

export type Simulation = z.infer<typeof simulationSchema>;

export interface SimulationTarget {
  url: string;
  endpoint: string;
  key: string;
}

export interface SimulationResult {
  endpoint: string;
  requests: number;
  rows: number;
  /** Rows serving answered. */
  answered: number;
  /** Requests serving refused, with its first few reasons (an unseen category, a rate limit). */
  refused: number;
  errors: { request: number; status: number; message: string }[];
  /** Answered rows serving logged (and so returned a prediction id for). */
  logged: number;
  fraudRows: number;
  labels: { stored: number; unknown: number } | null;
  durationMs: number;
}

const KEPT_ERRORS = 5;

export async function simulate(target: SimulationTarget, simulation: Simulation, sleep = defaultSleep): Promise<SimulationResult> {
  const client = new ServingClient(target.url.replace(/\/+$/, ''), target.endpoint, target.key);
  const metadata = await client.metadata();
  const rows = driftRows(simulation.scenario, simulation.requests * simulation.rowsPerRequest);
  checkInputs(target.endpoint, metadata.inputs, rows[0]);
  checkLabels(target.endpoint, metadata.labels, simulation.labelDelayMs);
  const labels = simulation.labelDelayMs === null ? null : new LabelQueue(client, simulation.labelDelayMs, sleep);
  const result: SimulationResult = { endpoint: target.endpoint, requests: 0, rows: 0, answered: 0, refused: 0, errors: [], logged: 0, fraudRows: 0, labels: null, durationMs: 0 };
  const started = Date.now();
  const interval = 1000 / simulation.rate;
  for (let r = 0; r < simulation.requests; r++) {
    const wait = started + r * interval - Date.now();
    if (wait > 0) await sleep(wait);
    await labels?.flushDue();
    const batch = rows.slice(r * simulation.rowsPerRequest, (r + 1) * simulation.rowsPerRequest);
    const answer = await client.infer(metadata.inputs.map((input) => ({ ...input, data: batch.map((row) => row.values[input.name]) })));
    result.requests++;
    result.rows += batch.length;
    result.fraudRows += batch.filter((row) => row.label === '1').length;
    if (answer.status === 401 || answer.status === 403 || answer.status === 404) throw new UserError(`Serving refused "${target.endpoint}" (HTTP ${answer.status}): ${answer.error}`);
    if (answer.error !== null) {
      result.refused++;
      if (result.errors.length < KEPT_ERRORS) result.errors.push({ request: r, status: answer.status, message: answer.error });
      continue;
    }
    result.answered += batch.length;
    if (!answer.predictionIds) continue;
    result.logged += answer.predictionIds.length;
    labels?.add(answer.predictionIds.map((id, i) => ({ prediction_id: id, label: batch[i].label })));
  }
  result.labels = labels ? await labels.drain() : null;
  result.durationMs = Date.now() - started;
  return result;
}

function checkInputs(endpoint: string, inputs: ModelInput[], sample: SimulatedRow | undefined): void {
  const made = Object.keys(sample?.values ?? {});
  for (const { name } of inputs) {
    if (made.includes(name)) continue;
    const near = closestName(name, made);
    throw new UserError(
      `The model of "${endpoint}" wants input "${name}", which the card-fraud generator does not make${near ? ` (did you mean "${near}"?)` : ''}; it makes ${made.join(', ')}`,
      { field: 'endpoint' },
    );
  }
}

/** The generator's labels are the fraud table's "0" and "1"; a model with other labels could not be scored on them. */
function checkLabels(endpoint: string, labels: string[] | null, labelDelayMs: number | null): void {
  if (labelDelayMs === null || labels === null) return;
  if (!labels.includes('0') || !labels.includes('1')) {
    throw new UserError(`The model of "${endpoint}" answers ${labels.map((l) => `"${l}"`).join(', ')}, not the generator's fraud labels "0" and "1"; send labelDelayMs null to post no labels`, {
      field: 'labelDelayMs',
    });
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
