// An open-loop load at a steady rate, for "p99 at 500 requests/s": request i is sent at
// t0 + i / rate whether or not earlier answers are back (a slow answer cannot slow the sending,
// so no coordinated omission), spread over a few keep-alive connections, and each latency is
// timed to the microsecond from the moment the sending tick issues it (waiting for a free
// connection included) to the last byte of its answer.
// autocannon's `overallRate` is not this: each connection sends its whole second's quota back to
// back at the top of every second, then idles, and its coordinated-omission correction then adds
// synthetic samples at a 1 ms expected interval (autocannon 9, lib/httpClient.js and lib/run.js).
// The client speaks HTTP/1.1 on plain sockets, like autocannon: the request's bytes are made once
// and each is one write, and an answer is read by its Content-Length. node:http's client cost
// ~0.5 ms of CPU a request on a loaded machine here, so the client itself fell behind (the bare
// reference then measured p50 1.6 s at 500 requests/s): what this times must be the server.
import { connect, type Socket } from 'node:net';

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
const HEADER_END = Buffer.from('\r\n\r\n');

/** The whole request as bytes: one write per request. */
export function requestBytes(options: Pick<PacedOptions, 'url' | 'method' | 'headers' | 'body'>): Buffer {
  const target = new URL(options.url);
  const body = Buffer.from(options.body);
  const lines = [`${options.method} ${target.pathname}${target.search} HTTP/1.1`, `host: ${target.host}`, 'connection: keep-alive'];
  for (const [name, value] of Object.entries(options.headers)) lines.push(`${name}: ${value}`);
  if (options.method === 'POST' || body.length) lines.push(`content-length: ${body.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), body]);
}

/**
 * One keep-alive connection answering one request at a time: `send` writes, `onAnswer` gets the
 * status of each complete answer (or 0 when the connection broke).
 */
class Connection {
  private readonly socket: Socket;
  private pending: Buffer = Buffer.alloc(0);
  busy = false;
  broken = false;

  constructor(
    host: string,
    port: number,
    private readonly onAnswer: (conn: Connection, status: number) => void,
  ) {
    this.socket = connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    const fail = () => {
      if (this.broken) return;
      this.broken = true;
      if (this.busy) {
        this.busy = false;
        this.onAnswer(this, 0);
      }
    };
    this.socket.on('error', fail);
    this.socket.on('close', fail);
  }

  send(bytes: Buffer): void {
    this.busy = true;
    this.socket.write(bytes);
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    for (;;) {
      const end = this.pending.indexOf(HEADER_END);
      if (end === -1) return;
      const head = this.pending.toString('latin1', 0, end);
      const status = Number(head.slice(9, 12));
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      if (!length) {
        // Every answer of both servers carries a length; anything else is a failure of this client.
        this.socket.destroy();
        return;
      }
      const total = end + HEADER_END.length + Number(length[1]);
      if (this.pending.length < total) return;
      this.pending = this.pending.subarray(total);
      this.busy = false;
      this.onAnswer(this, status);
    }
  }
}

export async function pacedLoad(options: PacedOptions): Promise<PacedResult> {
  const target = new URL(options.url);
  const bytes = requestBytes(options);
  const total = Math.round(options.rate * options.seconds);
  const latencies = new Float64Array(total);
  const issued = new Float64Array(total);
  let sent = 0;
  let answered = 0;
  let ok = 0;
  let failed = 0;
  /** Requests issued but not yet written, oldest first. */
  const queue: number[] = [];
  let queueHead = 0;
  const inFlight = new Map<Connection, number>();
  const connections: Connection[] = [];

  await new Promise<void>((resolve) => {
    const started = performance.now();
    const next = (conn: Connection) => {
      if (conn.broken || conn.busy || queueHead >= queue.length) return;
      const i = queue[queueHead++];
      inFlight.set(conn, i);
      conn.send(bytes);
    };
    const onAnswer = (conn: Connection, status: number) => {
      const i = inFlight.get(conn)!;
      inFlight.delete(conn);
      if (status >= 200 && status < 300) latencies[ok++] = performance.now() - issued[i];
      else failed++;
      answered++;
      if (answered === total) resolve();
      else next(conn);
    };
    for (let c = 0; c < options.connections; c++) connections.push(new Connection(target.hostname, Number(target.port), onAnswer));
    const timer = setInterval(() => {
      const now = performance.now();
      const dueNow = Math.min(total, Math.floor(((now - started) / 1000) * options.rate) + 1);
      while (sent < dueNow) {
        issued[sent] = now;
        queue.push(sent++);
      }
      for (const conn of connections) next(conn);
      if (sent === total) clearInterval(timer);
      // Every connection broke: count what is left as failed rather than wait forever.
      if (connections.every((c) => c.broken)) {
        clearInterval(timer);
        failed += total - answered;
        resolve();
      }
    }, TICK_MS);
  });
  for (const conn of connections) conn.close();
  const sorted = latencies.subarray(0, ok).sort();
  const at = (q: number) => (ok ? sorted[Math.min(ok - 1, Math.ceil(q * ok) - 1)] : NaN);
  return { sent, ok, failed, rate: ok / options.seconds, p50: at(0.5), p99: at(0.99), p999: at(0.999), max: ok ? sorted[ok - 1] : NaN };
}
