// The worker's side of the worker API (server/http/worker-api.ts): plain fetch with the token.
// A 401 means the token was revoked or never valid: the worker stops rather than retry.
import { z } from 'zod';
import type { Heartbeat } from './worker-registry';

export class TokenRefusedError extends Error {
  constructor(reason: string) {
    super(`The server refused this worker's token: ${reason}`);
    this.name = 'TokenRefusedError';
  }
}

export class MissingArtifactError extends Error {
  constructor(readonly id: string) {
    super(`The server has no artifact ${id}: it was removed (gc?) while the step waited`);
    this.name = 'MissingArtifactError';
  }
}

const configSchema = z.object({ redisUrl: z.string(), prefix: z.string(), heartbeatMs: z.number().int().positive(), testNodes: z.boolean() });
export type WorkerConfig = z.infer<typeof configSchema>;

const SMALL_TIMEOUT_MS = 30_000;
const TRANSFER_TIMEOUT_MS = 10 * 60_000;

export class WorkerClient {
  private readonly base: string;

  constructor(
    server: string,
    private readonly token: string,
  ) {
    this.base = server.replace(/\/+$/, '');
  }

  private async request(path: string, init: RequestInit & { timeoutMs?: number } = {}): Promise<Response> {
    const { timeoutMs = SMALL_TIMEOUT_MS, ...rest } = init;
    const res = await fetch(this.base + path, {
      ...rest,
      headers: { ...(rest.headers as Record<string, string>), authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 401) throw new TokenRefusedError(await errorText(res));
    return res;
  }

  async config(): Promise<WorkerConfig> {
    const res = await this.request('/api/worker/config');
    if (!res.ok) throw new Error(`The server at ${this.base} answered ${res.status}: ${await errorText(res)}`);
    return configSchema.parse(await res.json());
  }

  async heartbeat(beat: Heartbeat): Promise<void> {
    const res = await this.request('/api/worker/heartbeat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(beat) });
    if (!res.ok) throw new Error(`Heartbeat refused (${res.status}): ${await errorText(res)}`);
  }

  async download(id: string): Promise<Uint8Array> {
    const res = await this.request(`/api/worker/artifacts/${id}`, { timeoutMs: TRANSFER_TIMEOUT_MS });
    if (res.status === 404) throw new MissingArtifactError(id);
    if (!res.ok) throw new Error(`Downloading artifact ${id} failed (${res.status}): ${await errorText(res)}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** Uploads unless the server has the bytes already; true when this upload stored them. */
  async upload(id: string, bytes: Uint8Array): Promise<boolean> {
    const head = await this.request(`/api/worker/artifacts/${id}`, { method: 'HEAD' });
    if (head.status === 200) return false;
    const res = await this.request(`/api/worker/artifacts/${id}`, { method: 'PUT', body: Buffer.from(bytes), timeoutMs: TRANSFER_TIMEOUT_MS });
    if (!res.ok) throw new Error(`Uploading artifact ${id} failed (${res.status}): ${await errorText(res)}`);
    return ((await res.json()) as { stored: boolean }).stored;
  }
}

async function errorText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  try {
    return (JSON.parse(text) as { error?: string }).error ?? text;
  } catch {
    return text || res.statusText;
  }
}
