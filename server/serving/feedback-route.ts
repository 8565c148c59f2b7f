// POST /endpoints/{name}/feedback: delayed ground truth by prediction id. JSON: one
// {"prediction_id", "label"} or an array of them; or text/csv with a header row
// "prediction_id,label". Known ids are stored (posting again replaces the label); unknown ones
// are reported by row, counted from 0 over the items (CSV: over the data rows, header excluded).
import Papa from 'papaparse';
import { authorize } from './key-auth';
import { isPlainObject, parseJsonBody, readBody, sendJson } from './http-io';
import type { FeedbackRow } from './prediction-log';
import { describe } from './request-table';
import { badRequest, ServeError } from './serve-error';
import { liveEndpoint, type Call, type ServingContext } from './serving-context';

export async function postFeedback(ctx: ServingContext, { req, res, params, observed }: Call): Promise<void> {
  const [name] = params;
  const state = liveEndpoint(ctx, name);
  observed.endpoint = name;
  const key = authorize(req, state, 'feedback');
  ctx.limiter.take(key.id, key.rateLimitPerMinute ?? state.endpoint.rateLimitPerMinute);
  const body = await readBody(req, state.endpoint.maxBodyBytes);
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase();
  let rows: FeedbackRow[];
  if (type === 'text/csv') rows = fromCsv(body.toString('utf8'));
  else if (type === 'application/json') rows = fromJson(parseJsonBody(body));
  else throw new ServeError(415, `Content-Type ${type} is not accepted; send application/json or text/csv`);
  if (rows.length === 0) throw badRequest('No feedback rows were sent');
  const result = await ctx.log.feedback(state.endpoint.id, key.id, rows);
  sendJson(res, 200, {
    stored: result.stored,
    unknown: result.unknown.map((row) => ({ row, prediction_id: rows[row].predictionId, error: 'no logged prediction of this endpoint has this id' })),
  });
}

function fromJson(value: unknown): FeedbackRow[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item: unknown, row) => {
    if (!isPlainObject(item)) throw badRequest(`Row ${row}: expected {"prediction_id", "label"}, got ${describe(item)}`);
    for (const k of Object.keys(item)) if (k !== 'prediction_id' && k !== 'label') throw badRequest(`Row ${row}: unknown field "${k}"; send prediction_id and label`);
    const { prediction_id: id, label } = item;
    if (typeof id !== 'string' || id === '') throw badRequest(`Row ${row}: prediction_id must be a non-empty string, got ${describe(id)}`);
    if (typeof label === 'number' && !Number.isFinite(label)) throw badRequest(`Row ${row}: label must be a finite number`);
    if (typeof label !== 'string' && typeof label !== 'number' && typeof label !== 'boolean') {
      throw badRequest(`Row ${row}: label must be a string, number or boolean, got ${describe(label)}`);
    }
    return { row, predictionId: id, label };
  });
}

function fromCsv(text: string): FeedbackRow[] {
  const parsed = Papa.parse<string[]>(text.trim(), { skipEmptyLines: true });
  const [header, ...data] = parsed.data;
  if (!header || header.length !== 2 || header[0].trim() !== 'prediction_id' || header[1].trim() !== 'label') {
    throw badRequest('The CSV needs the header row "prediction_id,label"');
  }
  return data.map((cells, row) => {
    if (cells.length !== 2) throw badRequest(`CSV row ${row}: expected 2 cells (prediction_id,label), got ${cells.length}`);
    const [id, label] = cells.map((c) => c.trim());
    if (id === '') throw badRequest(`CSV row ${row}: prediction_id is empty`);
    if (label === '') throw badRequest(`CSV row ${row}: label is empty`);
    // A number-shaped label is stored as a number, like the same label posted as JSON.
    const number = Number(label);
    return { row, predictionId: id, label: Number.isFinite(number) && /^[+-]?[\d.]/.test(label) ? number : label };
  });
}
