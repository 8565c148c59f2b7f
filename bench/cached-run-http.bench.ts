// The same cached re-run, but as a user gets it: POST run.start to a real `next start` server,
// then follow the run over the SSE subscription until it reports success.
// Reference: a bare node:http server answering a POST on the same machine, in the same run.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HttpClient } from '../tests/integration/helpers/trpc-http';
import { freePort, startServer, stopServer } from '../tests/integration/helpers/server-process';

async function followRun(base: string, cookie: string, runId: string): Promise<string> {
  const input = encodeURIComponent(JSON.stringify({ json: { id: runId } }));
  const res = await fetch(`${base}/api/trpc/run.watch?input=${input}`, { headers: { cookie, accept: 'text/event-stream' } });
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    text += decoder.decode(chunk, { stream: true });
    const m = text.match(/"status":"(succeeded|failed|cancelled)","trigger"/);
    if (m) return m[1];
  }
  return 'unknown';
}

async function bareHttpMs(): Promise<number> {
  const port = await freePort();
  const srv = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('{"ok":true}'));
  });
  await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await (await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' })).text();
    times.push(performance.now() - t0);
  }
  srv.close();
  return times.sort((a, b) => a - b)[25];
}

export async function benchCachedRunHttp() {
  const name = 'cached re-run of the sample pipeline over HTTP + SSE (real server)';
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) {
    return { name, figure: 'skipped: no production build (run `npm run build`)', reference: '-', ratio: NaN, bar: 'under 300 ms', pass: true };
  }
  const server = await startServer();
  try {
    const client = new HttpClient(server.url);
    HttpClient.data(await client.mutate('auth.setup', { name: 'Bench', email: 'bench@example.com', password: 'benchmark password' }));
    const once = async () => {
      const t0 = performance.now();
      const { runId } = HttpClient.data(await client.mutate('run.start', { pipelineId: 'breast-cancer-explore' }));
      const status = await followRun(server.url, client.cookie, runId);
      return { ms: performance.now() - t0, status };
    };
    const cold = await once();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const run = await once();
      if (run.status !== 'succeeded') throw new Error(`run ended ${run.status}`);
      times.push(run.ms);
    }
    times.sort((a, b) => a - b);
    const median = times[10];
    const bare = await bareHttpMs();
    return {
      name,
      figure: `${median.toFixed(1)} ms median of 20 (first, uncached run ${cold.ms.toFixed(0)} ms)`,
      reference: `bare node:http POST round trip ${bare.toFixed(2)} ms`,
      ratio: median / bare,
      bar: 'under 300 ms',
      pass: median < 300,
    };
  } finally {
    await stopServer(server);
  }
}
