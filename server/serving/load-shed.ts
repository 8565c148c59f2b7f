// Load shedding: a request is refused with 503 when too many are already being worked on or the
// event loop is lagging, instead of joining a queue clients would time out in.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { ServeError } from './serve-error';

export class LoadShedder {
  inFlight = 0;
  private readonly delay: IntervalHistogram;
  private lagMs = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly maxInFlight: number,
    private readonly maxLagMs: number,
  ) {
    this.delay = monitorEventLoopDelay({ resolution: 10 });
    this.delay.enable();
    // The lag of the last interval, not since start: a busy minute long ago must not shed now.
    this.timer = setInterval(() => {
      this.lagMs = this.delay.max / 1e6;
      this.delay.reset();
    }, 500);
    this.timer.unref();
  }

  /** Throws a 503 when saturated; otherwise counts the request until `release`. */
  admit(): 'in-flight' | 'lag' | null {
    if (this.inFlight >= this.maxInFlight) return 'in-flight';
    if (this.lagMs > this.maxLagMs) return 'lag';
    this.inFlight++;
    return null;
  }

  release(): void {
    this.inFlight--;
  }

  refusal(reason: 'in-flight' | 'lag'): ServeError {
    const why = reason === 'in-flight' ? `${this.maxInFlight} requests are already being worked on` : `the event loop is ${Math.round(this.lagMs)} ms behind`;
    return new ServeError(503, `The serving process is saturated (${why}); retry shortly`, { 'retry-after': '1' });
  }

  close(): void {
    clearInterval(this.timer);
    this.delay.disable();
  }
}
