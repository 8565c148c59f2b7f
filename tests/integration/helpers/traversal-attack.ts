// Sends every traversal payload to every route, page and read procedure that takes an id or a file
// name (found from the code, see route-inventory.ts), as a signed-in admin, through node:http so
// the path goes out byte for byte (fetch would resolve the dots first). Reports 500s and any
// response that carries a target's marker. Used by security-traversal.test.ts and bench:reliability.
import { request } from 'node:http';
import superjson from 'superjson';
import { appRouter } from '../../../server/api/root';
import { fillPattern, httpRoutes, pages } from './route-inventory';
import { leakedMarkers } from './traversal-payloads';

export interface Finding {
  endpoint: string;
  payload: string;
  status: number;
  leaked: string[];
}

export interface AttackReport {
  endpoints: string[];
  requests: number;
  payloads: number;
  errors: Finding[];
  escapes: Finding[];
  /** Requests the server answered by closing the connection. */
  resets: Finding[];
}

type Send = { method: string; path: string; body?: Buffer; headers?: Record<string, string> };

function raw(port: number, cookie: string, send: Send): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: send.method, path: send.path, headers: { cookie, host: `127.0.0.1:${port}`, ...send.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('latin1') }));
        res.on('error', reject);
      },
    );
    // The server may close the connection on a request it refuses outright (a 20,000-byte path
    // past Node's header limit, with a body still being sent): a reset, not a server error.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? resolve({ status: 0, body: '' }) : reject(error)));
    req.end(send.body);
  });
}

const ID_LIKE = /(^id$|Id$|^name$)/;

/** Read procedures whose required inputs are all id-like strings: each gets the payload in every one. */
export function idQueries(): { path: string; fields: string[] }[] {
  const all = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: string; inputs: unknown[] } }> } })._def.procedures;
  const found: { path: string; fields: string[] }[] = [];
  for (const [path, proc] of Object.entries(all)) {
    if (proc._def.type !== 'query') continue;
    const shape = (proc._def.inputs[0] as { shape?: Record<string, { _zod: { def: { type: string }; optin?: string } }> } | undefined)?.shape;
    if (!shape) continue;
    const required = Object.entries(shape).filter(([, f]) => f._zod.optin !== 'optional' && f._zod.def.type !== 'default');
    if (required.length > 0 && required.every(([k, f]) => f._zod.def.type === 'string' && ID_LIKE.test(k))) found.push({ path, fields: required.map(([k]) => k) });
  }
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** Every request one payload becomes, each named by the endpoint it targets. */
function requestsFor(payload: string): { endpoint: string; send: Send }[] {
  const out: { endpoint: string; send: Send }[] = [];
  for (const route of httpRoutes()) {
    if (route.params.length === 0 || route.pattern === '/api/trpc/[trpc]') continue;
    const path = fillPattern(route.pattern, () => payload);
    for (const method of route.methods) {
      const send: Send = method === 'PUT' ? { method, path: `${path}?kind=table`, body: Buffer.from('x') } : { method, path };
      out.push({ endpoint: `${method} ${route.pattern}`, send });
    }
  }
  for (const page of pages()) {
    if (page.params.length > 0) out.push({ endpoint: `page ${page.pattern}`, send: { method: 'GET', path: fillPattern(page.pattern, () => payload) } });
  }
  // The upload route takes a file name in its query string.
  out.push({
    endpoint: 'POST /api/datasets/upload?filename=',
    send: { method: 'POST', path: `/api/datasets/upload?name=traversal&filename=${payload}`, body: Buffer.from('a,b\n1,2\n'), headers: { 'content-type': 'application/octet-stream' } },
  });
  // Read procedures, batched into one request per payload the way the tRPC client batches.
  const queries = idQueries();
  let value: string;
  try {
    value = decodeURIComponent(payload);
  } catch {
    value = payload;
  }
  const input: Record<number, unknown> = {};
  queries.forEach((q, i) => (input[i] = superjson.serialize(Object.fromEntries(q.fields.map((f) => [f, value])))));
  out.push({
    endpoint: 'tRPC batch',
    send: { method: 'GET', path: `/api/trpc/${queries.map((q) => q.path).join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}` },
  });
  return out;
}

/** The tRPC batch answers one status per call; a 500 hides inside a 207. */
function batchStatuses(body: string): number[] {
  try {
    const parsed = JSON.parse(body) as { error?: { json?: { data?: { httpStatus?: number } } } }[];
    return parsed.map((r) => r.error?.json?.data?.httpStatus ?? 200);
  } catch {
    return [];
  }
}

export async function attack(port: number, cookie: string, payloads: string[], concurrency = 6): Promise<AttackReport> {
  const jobs = payloads.flatMap((payload) => requestsFor(payload).map((r) => ({ ...r, payload })));
  const report: AttackReport = { endpoints: [...new Set(jobs.map((j) => j.endpoint))], requests: jobs.length, payloads: payloads.length, errors: [], escapes: [], resets: [] };
  const queries = idQueries();
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const job = jobs[next++];
      const { status, body } = await raw(port, cookie, job.send);
      if (status === 0) report.resets.push({ endpoint: job.endpoint, payload: job.payload, status, leaked: [] });
      const leaked = leakedMarkers(body);
      if (leaked.length) report.escapes.push({ endpoint: job.endpoint, payload: job.payload, status, leaked });
      const statuses = job.endpoint === 'tRPC batch' ? batchStatuses(body) : [];
      if (status >= 500 && statuses.length === 0) report.errors.push({ endpoint: job.endpoint, payload: job.payload, status, leaked });
      statuses.forEach((s, i) => {
        if (s >= 500) report.errors.push({ endpoint: `tRPC ${queries[i].path}`, payload: job.payload, status: s, leaked });
      });
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return report;
}
