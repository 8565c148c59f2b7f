// Prometheus metrics of the serving process (prom-client): requests, errors and latency per
// endpoint and version, model load time and size, and prom-client's default process metrics
// (resident and heap memory, event-loop lag, GC).
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** One label set's requests since the last scrape, with the labels objects prom-client takes. */
interface Tally {
  requests: Record<'endpoint' | 'version' | 'protocol' | 'status', string>;
  errors: Record<'endpoint' | 'version' | 'status', string> | null;
  /** Answered requests' latencies (errors are counted, not timed). */
  latency: LatencySeries | null;
  count: number;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

interface LatencySeries {
  labels: Record<'endpoint' | 'version', string>;
  /** Per bucket (not cumulative), the last one past every bound. */
  counts: Float64Array;
  sum: number;
  count: number;
}

interface HistogramValue {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * The request latency histogram, written in prom-client's histogram text (`_bucket` with `le`,
 * `_sum`, `_count`) through its registry, but observed without prom-client's per-call label
 * hashing and validation: each label set's series is found once, when its tally is made, and an
 * observation is a bucket search and three additions. (prom-client's Histogram.observe cost about
 * as much as the rest of the metrics work of a request.)
 */
export class LatencyHistogram {
  readonly type = 'histogram' as const;
  readonly aggregator = 'sum' as const;
  private readonly series = new Map<string, LatencySeries>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly bounds: readonly number[],
  ) {}

  /** The series of one label set, made on first use and kept. */
  seriesOf(labels: Record<'endpoint' | 'version', string>): LatencySeries {
    const key = `${labels.endpoint}\n${labels.version}`;
    let series = this.series.get(key);
    if (!series) {
      series = { labels, counts: new Float64Array(this.bounds.length + 1), sum: 0, count: 0 };
      this.series.set(key, series);
    }
    return series;
  }

  observe(series: LatencySeries, seconds: number): void {
    const bounds = this.bounds;
    let i = 0;
    while (i < bounds.length && seconds > bounds[i]) i++;
    series.counts[i]++;
    series.sum += seconds;
    series.count++;
  }

  get(): Promise<{ name: string; help: string; type: 'histogram'; values: HistogramValue[]; aggregator: 'sum' }> {
    const values: HistogramValue[] = [];
    for (const s of this.series.values()) {
      let cumulative = 0;
      for (let i = 0; i < this.bounds.length; i++) {
        cumulative += s.counts[i];
        values.push({ metricName: `${this.name}_bucket`, labels: { le: this.bounds[i], ...s.labels }, value: cumulative });
      }
      values.push({ metricName: `${this.name}_bucket`, labels: { le: '+Inf', ...s.labels }, value: s.count });
      values.push({ metricName: `${this.name}_sum`, labels: { ...s.labels }, value: s.sum });
      values.push({ metricName: `${this.name}_count`, labels: { ...s.labels }, value: s.count });
    }
    return Promise.resolve({ name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator });
  }

  reset(): void {
    this.series.clear();
  }
}

/** Past this many label sets the tallies are handed to prom-client at once and started over. */
const MAX_TALLIES = 1000;

export class ServingMetrics {
  readonly registry = new Registry();
  /**
   * Request counts gather here and reach prom-client's counters when scraped (their collect hook):
   * prom-client hashes and validates the labels on every inc(), which cost more per request than
   * the count itself. The latency histogram is observed per request (its buckets need each value).
   */
  private readonly tallies = new Map<string, Tally>();
  private readonly requests = new Counter({
    name: 'pipeworks_serving_requests_total',
    help: 'Requests answered, by endpoint, model version, protocol and HTTP status',
    labelNames: ['endpoint', 'version', 'protocol', 'status'] as const,
    registers: [this.registry],
    collect: () => this.flushTallies(),
  });
  private readonly errors = new Counter({
    name: 'pipeworks_serving_errors_total',
    help: 'Requests answered with a 4xx or 5xx status, by endpoint, version and status',
    labelNames: ['endpoint', 'version', 'status'] as const,
    registers: [this.registry],
    collect: () => this.flushTallies(),
  });
  private readonly latency = new LatencyHistogram(
    'pipeworks_serving_request_duration_seconds',
    'Time from request start to the answer written, by endpoint and model version',
    LATENCY_BUCKETS,
  );
  private readonly loadSeconds = new Gauge({
    name: 'pipeworks_serving_model_load_seconds',
    help: 'How long loading a model version took (read, decode, warm-up)',
    labelNames: ['endpoint', 'version'] as const,
    registers: [this.registry],
  });
  private readonly modelBytes = new Gauge({
    name: 'pipeworks_serving_model_bytes',
    help: 'Size of a loaded model version’s artifact, the bulk of what it holds in memory',
    labelNames: ['endpoint', 'version'] as const,
    registers: [this.registry],
  });
  readonly shed = new Counter({
    name: 'pipeworks_serving_shed_total',
    help: 'Requests refused because the process was saturated, by reason',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly logDropped = new Gauge({
    name: 'pipeworks_serving_prediction_log_dropped',
    help: 'Prediction log entries dropped because the writer fell behind or failed',
    registers: [this.registry],
  });

  constructor() {
    this.registry.registerMetric(this.latency as unknown as Parameters<Registry['registerMetric']>[0]);
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  /** The label set of the last request and its tally: traffic mostly repeats it, and a match skips building and hashing the key. */
  private last: { endpoint: string; version: string; protocol: string; status: number; tally: Tally } | null = null;

  observe(endpoint: string, version: string, protocol: string, status: number, seconds: number): void {
    const last = this.last;
    const tally = last !== null && last.status === status && last.endpoint === endpoint && last.version === version && last.protocol === protocol ? last.tally : this.tallyOf(endpoint, version, protocol, status);
    tally.count++;
    if (tally.latency !== null) this.latency.observe(tally.latency, seconds);
  }

  private tallyOf(endpoint: string, version: string, protocol: string, status: number): Tally {
    const key = `${endpoint}\n${version}\n${protocol}\n${status}`;
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      if (this.tallies.size >= MAX_TALLIES) this.flushTallies(true);
      const code = String(status);
      tally = {
        requests: { endpoint, version, protocol, status: code },
        errors: status >= 400 ? { endpoint, version, status: code } : null,
        latency: status >= 400 ? null : this.latency.seriesOf({ endpoint, version }),
        count: 0,
      };
      this.tallies.set(key, tally);
    }
    this.last = { endpoint, version, protocol, status, tally };
    return tally;
  }

  /** Adds the counts gathered since the last call to prom-client's counters. */
  private flushTallies(forget = false): void {
    for (const tally of this.tallies.values()) {
      if (tally.count === 0) continue;
      this.requests.inc(tally.requests, tally.count);
      if (tally.errors !== null) this.errors.inc(tally.errors, tally.count);
      tally.count = 0;
    }
    if (forget) {
      this.tallies.clear();
      this.last = null;
    }
  }

  modelLoaded(endpoint: string, version: number, seconds: number, bytes: number): void {
    this.loadSeconds.set({ endpoint, version: String(version) }, seconds);
    this.modelBytes.set({ endpoint, version: String(version) }, bytes);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
