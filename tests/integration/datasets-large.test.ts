// A large upload with the default limits: it arrives whole (the upload route is outside proxy.ts,
// whose body buffering would cut it at 10 MB) and the server keeps answering while it is parsed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uploadFile } from './helpers/dataset-upload';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';
import { HttpClient } from './helpers/trpc-http';

let server: ServerHandle;
let admin: HttpClient;
const rows = 500_000;
let bytes: Uint8Array;

beforeAll(async () => {
  // Built before any request: building it blocks this process for seconds on a busy machine, and a
  // keep-alive socket left idle past the server's 5 s timeout meanwhile would be reused by fetch just
  // as the server closes it (EPIPE), which says nothing about the upload route.
  bytes = bigCsv(rows);
  server = await startServer();
  admin = new HttpClient(server.url);
  HttpClient.data(await admin.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
});

afterAll(async () => {
  if (server) await stopServer(server);
});

function bigCsv(rows: number): Uint8Array {
  const lines = ['id,a,b,c,d,e,f,label'];
  for (let i = 0; i < rows; i++) {
    const x = (i * 7919) % 100_003;
    lines.push(`${i},${x / 7},${-x / 13},${(x % 977) / 3},${x * 1.5},${(x % 101) - 50},${x / 1e4},${['red', 'green', 'blue'][i % 3]}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

it('imports a 40 MB CSV whole while other requests are answered', async () => {
  expect(bytes.length).toBeGreaterThan(30 * 1024 * 1024);
  let pending = true;
  let answered = 0;
  const polling = (async () => {
    while (pending) {
      if ((await fetch(`${server.url}/api/health`)).status === 200) answered++;
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const res = await uploadFile(admin, bytes, { name: 'big', filename: 'big.csv' });
  pending = false;
  await polling;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.version.rows).toBe(rows);
  expect(res.body.version.sourceSize).toBe(bytes.length);
  expect(res.body.version.columns.map((c: any) => c.type)).toEqual([...Array(7).fill('numeric'), 'categorical']);
  // Parsing runs in a worker thread: the event loop stayed free for the health checks meanwhile.
  expect(answered).toBeGreaterThanOrEqual(5);
});
