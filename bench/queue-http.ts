// The worker API's handlers (server/http/worker-api.ts) on a bare node:http server, so the queue
// bench measures the queue and the workers, not a production Next build it would first need.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { workerArtifactGet, workerArtifactPut, workerArtifactsMissing, workerConfig, workerHeartbeat } from '../server/http/worker-api';

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    ...(hasBody && { duplex: 'half' }),
  } as RequestInit);
}

async function route(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  const artifact = /^\/api\/worker\/artifacts\/([^/]+)$/.exec(pathname)?.[1];
  if (pathname === '/api/worker/config') return workerConfig(req);
  if (pathname === '/api/worker/heartbeat' && req.method === 'POST') return workerHeartbeat(req);
  if (pathname === '/api/worker/artifacts/missing' && req.method === 'POST') return workerArtifactsMissing(req);
  if (artifact && req.method === 'PUT') return workerArtifactPut(req, artifact);
  if (artifact && (req.method === 'GET' || req.method === 'HEAD')) return workerArtifactGet(req, artifact, req.method === 'HEAD');
  return Response.json({ error: 'not found' }, { status: 404 });
}

export async function startWorkerApi(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const base = `http://${req.headers.host ?? '127.0.0.1'}`;
    route(toRequest(req, base))
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
      })
      .catch((error: Error) => {
        res.writeHead(500).end(error.message);
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}
