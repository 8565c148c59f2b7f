// Prometheus metrics of the serving process (prom-client): requests, errors and latency per
// endpoint and version, model load time and size, and prom-client's default process metrics
// (resident and heap memory, event-loop lag, GC).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export class ServingMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'pipeworks_serving_requests_total',
    help: 'Requests answered, by endpoint, model version, protocol and HTTP status',
    labelNames: ['endpoint', 'version', 'protocol', 'status'] as const,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'pipeworks_serving_errors_total',
    help: 'Requests answered with a 4xx or 5xx status, by endpoint, version and status',
    labelNames: ['endpoint', 'version', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'pipeworks_serving_request_duration_seconds',
    help: 'Time from request start to the answer written, by endpoint and model version',
    labelNames: ['endpoint', 'version'] as const,
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
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
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
  }

  observe(endpoint: string, version: string, protocol: string, status: number, seconds: number): void {
    const code = String(status);
    this.requests.inc({ endpoint, version, protocol, status: code });
    if (status >= 400) this.errors.inc({ endpoint, version, status: code });
    else this.latency.observe({ endpoint, version }, seconds);
  }

  modelLoaded(endpoint: string, version: number, seconds: number, bytes: number): void {
    this.loadSeconds.set({ endpoint, version: String(version) }, seconds);
    this.modelBytes.set({ endpoint, version: String(version) }, bytes);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
