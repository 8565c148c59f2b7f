import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram, ServingMetrics } from './serving-metrics';

const BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01];
const SAMPLES = [0.0001, 0.0005, 0.0007, 0.001, 0.0049, 0.02, 3, 0.002];

describe('LatencyHistogram', () => {
  it("writes the same /metrics text as prom-client's Histogram for the same observations", async () => {
    const theirs = new Registry();
    const reference = new Histogram({ name: 'h_seconds', help: 'help text', labelNames: ['endpoint', 'version'], buckets: BUCKETS, registers: [theirs] });
    const ours = new Registry();
    const histogram = new LatencyHistogram('h_seconds', 'help text', BUCKETS);
    ours.registerMetric(histogram as unknown as Parameters<Registry['registerMetric']>[0]);
    // Series in the order of their first observation, as prom-client lists them.
    const b = histogram.seriesOf({ endpoint: 'b', version: '2' });
    const a = histogram.seriesOf({ endpoint: 'a', version: '1' });
    SAMPLES.forEach((s, i) => {
      const [series, labels] = i % 3 ? [a, { endpoint: 'a', version: '1' }] : [b, { endpoint: 'b', version: '2' }];
      histogram.observe(series, s);
      reference.observe(labels, s);
    });
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('serves latencies of answered requests and counts errors apart', async () => {
    const metrics = new ServingMetrics();
    metrics.observe('iris', '3', 'v2', 200, 0.0004);
    metrics.observe('iris', '3', 'v2', 200, 0.003);
    metrics.observe('iris', '3', 'v2', 400, 0.0001);
    const text = await metrics.text();
    expect(text).toContain('pipeworks_serving_request_duration_seconds_bucket{le="0.0005",endpoint="iris",version="3"} 1');
    expect(text).toContain('pipeworks_serving_request_duration_seconds_bucket{le="0.005",endpoint="iris",version="3"} 2');
    expect(text).toContain('pipeworks_serving_request_duration_seconds_count{endpoint="iris",version="3"} 2');
    expect(text).toContain('pipeworks_serving_requests_total{endpoint="iris",version="3",protocol="v2",status="400"} 1');
    expect(text).toContain('pipeworks_serving_errors_total{endpoint="iris",version="3",status="400"} 1');
  });
});
