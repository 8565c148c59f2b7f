// Load shedding: a request is refused with 503 when too many are already being worked on or the
// event loop is lagging, instead of joining a queue clients would time out in.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { ServeError } from './serve-error';

const RESOLUTION_MS = 10;

export class LoadShedder {
  inFlight = 0;
  private readonly delay: IntervalHistogram;
  private lagMs = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly maxInFlight: number,
    private readonly maxLagMs: number,
  ) {
    this.delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
    this.delay.enable();
    // The median lag of the last interval: sustained lag is saturation, while one long pause (a
    // model loading, a GC) is over by the time it is measured and must not shed what follows.
    // The histogram counts the sampling interval itself, hence the subtraction.
    this.timer = setInterval(() => {
      this.lagMs = this.delay.count > 0 ? Math.max(0, this.delay.percentile(50) / 1e6 - RESOLUTION_MS) : 0;
      this.delay.reset();
    }, 500);
    this.timer.unref();
  }

  /** Throws a 503 when saturated; otherwise counts the request until `release`. */
  admit(): 'in-flight' | 'lag' | null {
    if (this.inFlight >= this.maxInFlight) return 'in-flight';
    // Lag alone is not saturation: a model loading blocks the loop in long chunks while nothing
    // else waits. Only a request arriving behind others in a lagging loop is turned away.
    if (this.lagMs > this.maxLagMs && this.inFlight > 0) return 'lag';
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
