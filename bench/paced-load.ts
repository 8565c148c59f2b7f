// An open-loop load at a steady rate, for "p99 at 500 requests/s": request i is sent at
// t0 + i / rate whether or not earlier answers are back (a slow answer cannot slow the sending,
// so no coordinated omission), spread over a few keep-alive connections, and each latency is
// timed to the microsecond from the moment the request is issued (queueing for a free connection
// included) to the last byte of its answer.
// autocannon's `overallRate` is not this: each connection sends its whole second's quota back to
// back at the top of every second, then idles, and its coordinated-omission correction then adds
// synthetic samples at a 1 ms expected interval (autocannon 9, lib/httpClient.js and lib/run.js).
import { Agent, request as httpRequest } from 'node:http';

export interface PacedOptions {
  url: string;
  rate: number;
  seconds: number;
  connections: number;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  sent: number;
  ok: number;
  failed: number;
  /** Answered requests per second over the phase. */
  rate: number;
  /** Milliseconds, fractional. */
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

const TICK_MS = 1;

export async function pacedLoad(options: PacedOptions): Promise<PacedResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const target = new URL(options.url);
  const total = Math.round(options.rate * options.seconds);
  const latencies = new Float64Array(total);
  const body = Buffer.from(options.body);
  const headers = { ...options.headers, 'content-length': String(body.length) };
  let sent = 0;
  let answered = 0;
  let ok = 0;
  let failed = 0;

  await new Promise<void>((resolve) => {
    const started = performance.now();
    const finish = () => {
      answered++;
      if (answered === total) resolve();
    };
    const send = () => {
      const issued = performance.now();
      const req = httpRequest({ agent, host: target.hostname, port: target.port, path: target.pathname, method: options.method, headers }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => {
          if (res.statusCode !== undefined && res.statusCode < 300) latencies[ok++] = performance.now() - issued;
          else failed++;
          finish();
        });
      });
      req.on('error', () => {
        failed++;
        finish();
      });
      req.end(body);
    };
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate) + 1);
      while (sent < due) {
        sent++;
        send();
      }
      if (sent === total) clearInterval(timer);
    }, TICK_MS);
  });
  agent.destroy();
  const sorted = latencies.subarray(0, ok).sort();
  const at = (q: number) => (ok ? sorted[Math.min(ok - 1, Math.ceil(q * ok) - 1)] : NaN);
  return { sent, ok, failed, rate: ok / options.seconds, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: ok ? sorted[ok - 1] : NaN };
}
