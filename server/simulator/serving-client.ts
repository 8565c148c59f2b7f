// The few serving calls the simulator makes, as any client would make them: model metadata and
// V2 inference with an endpoint key, and label feedback by prediction id.
import { UserError } from '../../engine/errors';

/** How many times one call is retried after a 429 before its answer is taken as it is. */
const RATE_LIMIT_RETRIES = 5;

export interface ModelInput {
  name: string;
  datatype: string;
}

export interface ModelMetadata {
  inputs: ModelInput[];
  labels: string[] | null;
}

export interface Answer {
  status: number;
  /** The serving process's own error message when status is not 200. */
  error: string | null;
  /** One per row when the endpoint logged the request (its sample rate), else null. */
  predictionIds: string[] | null;
}

export class ServingClient {
  constructor(
    readonly url: string,
    readonly endpoint: string,
    private readonly key: string,
  ) {}

  private headers() {
    return { 'content-type': 'application/json', authorization: `Bearer ${this.key}` };
  }

  async metadata(): Promise<ModelMetadata> {
    const res = await this.call(`/v2/models/${encodeURIComponent(this.endpoint)}`, { headers: this.headers() });
    const body = (await res.json()) as { error?: string; inputs?: ModelInput[]; parameters?: { labels?: string } };
    if (!res.ok) throw new UserError(`Serving refused the model metadata of "${this.endpoint}" (HTTP ${res.status}): ${body.error ?? 'no reason given'}`);
    return { inputs: body.inputs ?? [], labels: body.parameters?.labels ? (JSON.parse(body.parameters.labels) as string[]) : null };
  }

  async infer(inputs: { name: string; datatype: string; data: unknown[] }[]): Promise<Answer> {
    const body = JSON.stringify({ inputs: inputs.map((i) => ({ ...i, shape: [i.data.length] })) });
    const res = await this.call(`/v2/models/${encodeURIComponent(this.endpoint)}/infer`, { method: 'POST', headers: this.headers(), body });
    const answer = (await res.json().catch(() => ({}))) as { error?: string; outputs?: { name: string; data: unknown[] }[] };
    if (!res.ok) return { status: res.status, error: answer.error ?? `HTTP ${res.status}`, predictionIds: null };
    const ids = answer.outputs?.find((o) => o.name === 'prediction_id');
    return { status: res.status, error: null, predictionIds: ids ? (ids.data as string[]) : null };
  }

  /** Posts labels; answers how many were stored and how many ids serving did not know. */
  async feedback(items: { prediction_id: string; label: string }[]): Promise<{ stored: number; unknown: number }> {
    const res = await this.call(`/endpoints/${encodeURIComponent(this.endpoint)}/feedback`, { method: 'POST', headers: this.headers(), body: JSON.stringify(items) });
    const body = (await res.json().catch(() => ({}))) as { stored?: number; unknown?: unknown[]; message?: string };
    if (!res.ok) throw new UserError(`Serving refused the label feedback of "${this.endpoint}" (HTTP ${res.status}): ${body.message ?? 'no reason given'}`);
    return { stored: body.stored ?? 0, unknown: body.unknown?.length ?? 0 };
  }

  /**
   * One call, as a well-behaved client makes it: a 429 (the key's rate limit, which the simulator's
   * own labels share with its traffic) is retried after the Retry-After the server sent, a few times.
   */
  private async call(path: string, init: RequestInit): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(this.url + path, init);
      } catch (error) {
        throw new UserError(`Serving at ${this.url} could not be reached: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
      }
      if (res.status !== 429 || attempt >= RATE_LIMIT_RETRIES) return res;
      await res.body?.cancel();
      const seconds = Number(res.headers.get('retry-after'));
      await new Promise((resolve) => setTimeout(resolve, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000));
    }
  }
}
