// The prediction log, written in batches: entries gather in memory, packed (prediction-log-batch.ts),
// and go to the writer thread every FLUSH_MS or every FLUSH_ROWS entries as one message, where one
// prepared statement inserts them all in one transaction. Never a database write per request, and
// never on the serving thread; the JSON text of inputs and outputs is made on the writer thread too.
// On Postgres the same batches go, in order, to prediction-log-pg.ts on the serving thread: its
// writes are I/O the event loop waits on, not work that blocks it.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Predictions } from '../../nodes/models/predict';
import type { AnyDb } from '../db/any-db';
import { LogBatch, type LogMeta } from './prediction-log-batch';
import type { PackedBatch } from './prediction-log-codec.mjs';
import { writeFeedbackPg, writeLogBatchPg } from './prediction-log-pg';

export interface FeedbackRow {
  row: number;
  predictionId: string;
  label: string | number | boolean;
}

const FLUSH_MS = 100;
const FLUSH_ROWS = 500;
/** Beyond this many entries waiting (the writer is stuck), new ones are dropped and counted. */
const MAX_PENDING = 100_000;

type Reply = { type: string; seq: number; message?: string; stored?: number; unknown?: number[]; count?: number };
type Message = { type: 'log'; batch: PackedBatch } | { type: 'feedback'; endpointId: string; keyId: string | null; rows: FeedbackRow[] } | { type: 'close' };

export class PredictionLog {
  private readonly worker: Worker | null = null;
  private readonly pg: AnyDb | null = null;
  /** Postgres: the last message's write; the next one starts after it. */
  private pgTail: Promise<unknown> = Promise.resolve();
  private buffer = new LogBatch();
  private inFlight = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private readonly timer: NodeJS.Timeout;
  dropped = 0;
  written = 0;

  /** `target`: the data directory, whose SQLite file the writer thread opens; or the Postgres database. */
  constructor(target: string | AnyDb, private readonly onError: (message: string) => void) {
    if (typeof target !== 'string') {
      this.pg = target;
    } else {
      // Resolved from cwd like the worker pools' entries: the compiled CLI runs this module from dist/cli.
      this.worker = new Worker(path.join(process.cwd(), 'server/serving/prediction-log-worker.mjs'), { workerData: { dataDir: target } });
      this.worker.on('message', (reply: Reply) => this.settle(reply));
      this.worker.on('error', (error) => this.onError(`prediction log writer failed: ${error.message}`));
    }
    this.timer = setInterval(() => this.flush(), FLUSH_MS);
    this.timer.unref();
  }

  /** One row of a request: its raw values (columns in `names` order) and its predictions. */
  add(meta: LogMeta, names: readonly string[], columns: readonly unknown[][], row: number, predictions: Predictions): void {
    if (this.buffer.count + this.inFlight >= MAX_PENDING) {
      this.dropped++;
      return;
    }
    this.buffer.add(meta, names, columns, row, predictions);
    if (this.buffer.count >= FLUSH_ROWS) void this.flush();
  }

  /** Sends what is buffered; resolves once it is written. */
  flush(): Promise<void> {
    const count = this.buffer.count;
    // Postgres: what the timer sent may still be in flight; waiting for it costs nothing here.
    if (count === 0) return this.pg ? this.pgTail.then(() => undefined) : Promise.resolve();
    const { batch, transfer } = this.buffer.pack();
    this.buffer = new LogBatch();
    this.inFlight += count;
    return this.send({ type: 'log', batch }, transfer).then(
      (reply) => {
        this.inFlight -= count;
        this.written += reply.count ?? 0;
      },
      (error: Error) => {
        this.inFlight -= count;
        this.dropped += count;
        this.onError(`prediction log: ${count} entries not written: ${error.message}`);
      },
    );
  }

  /** Stores labels for earlier predictions of this endpoint; returns the rows whose id is unknown. */
  async feedback(endpointId: string, keyId: string | null, rows: FeedbackRow[]): Promise<{ stored: number; unknown: number[] }> {
    // Predictions still in the buffer are written first: the writer handles messages in order.
    void this.flush();
    const reply = await this.send({ type: 'feedback', endpointId, keyId, rows });
    return { stored: reply.stored ?? 0, unknown: reply.unknown ?? [] };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    await this.send({ type: 'close' }).catch(() => undefined);
    await this.worker?.terminate();
  }

  private send(message: Message, transfer: ArrayBuffer[] = []): Promise<Reply> {
    const seq = ++this.seq;
    if (this.pg) {
      const db = this.pg;
      const reply = this.pgTail.then(() => writePg(db, message, seq));
      this.pgTail = reply.catch(() => undefined);
      return reply;
    }
    const worker = this.worker!;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ ...message, seq }, transfer);
    });
  }

  private settle(reply: Reply): void {
    const waiter = this.waiting.get(reply.seq);
    if (!waiter) return;
    this.waiting.delete(reply.seq);
    if (reply.type === 'error') waiter.reject(new Error(reply.message ?? 'unknown error'));
    else waiter.resolve(reply);
  }
}

async function writePg(db: AnyDb, message: Message, seq: number): Promise<Reply> {
  switch (message.type) {
    case 'log':
      return { type: 'logged', seq, count: await writeLogBatchPg(db, message.batch) };
    case 'feedback':
      return { type: 'feedback', seq, ...(await writeFeedbackPg(db, message.endpointId, message.keyId, message.rows)) };
    case 'close':
      // The pool belongs to whoever opened it.
      return { type: 'closed', seq };
  }
}
