// Calls tRPC procedures over plain HTTP, as a browser or a script would, keeping the session cookie
// (or sending an API key, as a script would).
import superjson from 'superjson';

export class HttpClient {
  cookie = '';
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  apiKey = '';
  constructor(readonly baseUrl: string) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.cookie ? { cookie: this.cookie } : {}), ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}), ...extra };
  }

  private keepCookie(res: Response): void {
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
  }

  async query(path: string, input?: unknown): Promise<{ status: number; body: any }> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}${qs}`, { headers: this.headers() });
    return { status: res.status, body: await res.json() };
  }

  async mutate(path: string, input?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}`, {
      method: 'POST',
      headers: this.headers({ 'content-type': 'application/json' }),
      body: JSON.stringify(superjson.serialize(input)),
    });
    this.keepCookie(res);
    return { status: res.status, body: await res.json() };
  }

  /** pipeline.save based on the pipeline's latest version (0 when it is new), as an editor that just opened it would. */
  async savePipeline(input: { projectId: string; doc: { id: string } & Record<string, unknown>; message?: string }): Promise<{ status: number; body: any }> {
    const versions = HttpClient.data(await this.query('pipeline.versions', { id: input.doc.id })) as { version: number }[];
    return this.mutate('pipeline.save', { ...input, baseVersion: versions[0]?.version ?? 0 });
  }

  /** The error a procedure answered with: { message, code, data: { code, httpStatus, issues? } }. */
  static error(r: { status: number; body: any }): any {
    if (!r.body?.error) throw new Error(`Expected an error, got HTTP ${r.status}: ${JSON.stringify(r.body)}`);
    return superjson.deserialize(r.body.error);
  }

  /** The procedure's data, or throws with the server's message. */
  static data(r: { status: number; body: any }): any {
    if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.body)}`);
    return superjson.deserialize(r.body.result.data);
  }
}
