// The prediction log, written in batches: entries gather in memory, packed (prediction-log-batch.ts),
// and go to the writer thread every FLUSH_MS or every FLUSH_ROWS entries as one message, where one
// prepared statement inserts them all in one transaction. Never a database write per request, and
// never on the serving thread; the JSON text of inputs and outputs is made on the writer thread too.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Predictions } from '../../nodes/models/predict';
import { LogBatch, type LogMeta } from './prediction-log-batch';

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

export class PredictionLog {
  private readonly worker: Worker;
  private buffer = new LogBatch();
  private inFlight = 0;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private readonly timer: NodeJS.Timeout;
  dropped = 0;
  written = 0;

  constructor(dataDir: string, private readonly onError: (message: string) => void) {
    // Resolved from cwd like the worker pools' entries: the compiled CLI runs this module from dist/cli.
    this.worker = new Worker(path.join(process.cwd(), 'server/serving/prediction-log-worker.mjs'), { workerData: { dataDir } });
    this.worker.on('message', (reply: Reply) => this.settle(reply));
    this.worker.on('error', (error) => this.onError(`prediction log writer failed: ${error.message}`));
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
    if (count === 0) return Promise.resolve();
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
    await this.worker.terminate();
  }

  private send(message: Record<string, unknown>, transfer: ArrayBuffer[] = []): Promise<Reply> {
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      this.worker.postMessage({ ...message, seq }, transfer);
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
