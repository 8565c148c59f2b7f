// "Try it": the studio sends one row to the serving process with the key the person gives, and
// returns what the protocol answered (a prediction or its error body) as it was answered.
import { UserError } from '../../engine/errors';
import { invocationsPath, mlflowInvocationsBody, v2InferBody, v2InferPath, type Row } from '../../nodes/deploy/serving-requests';
import type { ColumnInfo } from '../../nodes/values';
import { servingUrl } from './serving-url';

export type TryProtocol = 'v2' | 'mlflow';

export interface TryResult {
  status: number;
  url: string;
  /** The parsed JSON body, or the text when it was not JSON (cut at 4 KB). */
  body: unknown;
}

const TIMEOUT_MS = 10_000;

export async function tryEndpoint(endpoint: string, columns: readonly ColumnInfo[], row: Row, key: string, protocol: TryProtocol): Promise<TryResult> {
  const url = servingUrl() + (protocol === 'v2' ? v2InferPath(endpoint) : invocationsPath(endpoint));
  const body = protocol === 'v2' ? v2InferBody(columns, row) : mlflowInvocationsBody(columns, row);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'manual',
    });
  } catch (error) {
    const why = (error as Error).name === 'TimeoutError' ? `did not answer within ${TIMEOUT_MS / 1000} s` : 'could not be reached';
    throw new UserError(`The serving process at ${servingUrl()} ${why}; is it running? (npm start starts it beside the studio; pipeworks serve starts it alone)`);
  }
  const text = await response.text();
  let parsed: unknown = text.slice(0, 4096);
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text as it came.
  }
  return { status: response.status, url, body: parsed };
}
