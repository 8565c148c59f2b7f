// The last minute of each endpoint, for the studio's deployment page: request rate, error count
// and latency percentiles. One slot per second; each keeps at most SAMPLES latencies (reservoir
// sampling), so memory stays fixed whatever the traffic.
const SECONDS = 60;
const SAMPLES = 512;

interface Slot {
  second: number;
  requests: number;
  errors: number;
  seen: number;
  latencies: Float64Array;
}

export interface EndpointStats {
  endpoint: string;
  windowSeconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

export class LiveStats {
  private readonly endpoints = new Map<string, Slot[]>();

  record(endpoint: string, latencyMs: number, error: boolean, now = Date.now()): void {
    let slots = this.endpoints.get(endpoint);
    if (!slots) {
      slots = Array.from({ length: SECONDS }, () => ({ second: -1, requests: 0, errors: 0, seen: 0, latencies: new Float64Array(SAMPLES) }));
      this.endpoints.set(endpoint, slots);
    }
    const second = Math.floor(now / 1000);
    const slot = slots[second % SECONDS];
    if (slot.second !== second) Object.assign(slot, { second, requests: 0, errors: 0, seen: 0 });
    slot.requests++;
    if (error) {
      slot.errors++;
      return;
    }
    const i = slot.seen++;
    if (i < SAMPLES) slot.latencies[i] = latencyMs;
    else {
      const j = Math.floor(Math.random() * (i + 1));
      if (j < SAMPLES) slot.latencies[j] = latencyMs;
    }
  }

  /** The last full minute, this second included. */
  stats(endpoint: string, now = Date.now()): EndpointStats {
    const second = Math.floor(now / 1000);
    let requests = 0;
    let errors = 0;
    const samples: number[] = [];
    for (const slot of this.endpoints.get(endpoint) ?? []) {
      if (slot.second <= second - SECONDS || slot.second > second) continue;
      requests += slot.requests;
      errors += slot.errors;
      for (let i = 0; i < Math.min(slot.seen, SAMPLES); i++) samples.push(slot.latencies[i]);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => (samples.length ? samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] : null);
    return {
      endpoint,
      windowSeconds: SECONDS,
      requests,
      errors,
      requestsPerSecond: requests / SECONDS,
      latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
    };
  }
}
