// Steps run in worker threads: while one keeps a CPU core busy, the web server keeps answering.
import { afterAll, expect, it } from 'vitest';
import { HttpClient } from './helpers/trpc-http';
import { startServer, stopServer, type ServerHandle } from './helpers/server-process';

let server: ServerHandle | undefined;
afterAll(async () => {
  if (server) await stopServer(server);
});

it('answers requests while a CPU-bound step runs, and streams its progress over SSE', async () => {
  server = await startServer();
  const client = new HttpClient(server.url);
  HttpClient.data(await client.mutate('auth.setup', { name: 'Ada', email: 'ada@example.com', password: 'correct horse battery' }));
  const doc = {
    schemaVersion: 1,
    id: 'busy',
    name: 'Busy',
    nodes: [
      { id: 'ingest', type: 'ingest/sample-dataset', version: 1, params: { dataset: 'iris' }, position: { x: 0, y: 0 } },
      { id: 'busy', type: 'testing/sleep', version: 1, params: { ms: 3000, spin: true }, position: { x: 1, y: 0 } },
    ],
    edges: [{ id: 'e', source: 'ingest', sourceHandle: 'table', target: 'busy', targetHandle: 'table' }],
  };
  HttpClient.data(await client.savePipeline({ projectId: 'sample', doc }));
  const { runId } = HttpClient.data(await client.mutate('run.start', { pipelineId: 'busy' }));

  // Follow the run over the SSE subscription, and poll the API at the same time.
  const input = encodeURIComponent(JSON.stringify({ json: { id: runId } }));
  const stream = await fetch(`${server.url}/api/trpc/run.watch?input=${input}`, { headers: { cookie: client.cookie, accept: 'text/event-stream' } });
  expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
  const snapshots: any[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = event.split('\n').find((l) => l.startsWith('data: '));
        if (data && !event.includes("event: ping")) {
          try {
            const snapshot = JSON.parse(data.slice(6)).json;
            if (snapshot?.steps) snapshots.push(snapshot);
          } catch {
            // not a snapshot (connected / return events)
          }
        }
      }
      if (snapshots.at(-1)?.status === 'succeeded') break;
    }
  })();

  const answeredWhileBusy: number[] = [];
  for (;;) {
    const run = HttpClient.data(await client.query('run.get', { id: runId }));
    const busy = run.steps.find((s: any) => s.stepId === 'busy');
    if (busy.status === 'running') answeredWhileBusy.push(busy.progress ?? 0);
    if (['succeeded', 'failed', 'cancelled'].includes(run.status)) {
      expect(run.status).toBe('succeeded');
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Had the step run on the server's own thread, no request could have been answered meanwhile.
  expect(answeredWhileBusy.length).toBeGreaterThanOrEqual(5);
  expect(Math.max(...answeredWhileBusy)).toBeGreaterThan(Math.min(...answeredWhileBusy));

  await reading;
  const statuses = snapshots.map((s) => s.steps.find((x: any) => x.stepId === 'busy').status);
  expect(statuses).toContain('running');
  expect(statuses.at(-1)).toBe('succeeded');
});
