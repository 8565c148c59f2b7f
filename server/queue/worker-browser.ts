// Which queue worker's headless browser a run no tab drives is offered (engine/placement.ts): read
// back from the facts each worker's heartbeat reports (capabilities.ts browserFacts). The fastest
// measured one is offered, since placement compares the browser it is offered with the server.
import { REFERENCE_WORK } from '../../engine/backend-order';
import type { BrowserOffer, WorkerBrowserOffer } from '../../engine/placement';
import { estimateSeconds, isTfBackend, type BackendSpeed } from '../../engine/training-speed';

const WEBGPU: readonly BrowserOffer['webgpu'][] = ['hardware', 'software', 'none'];

/** A worker's browser, from its reported facts; undefined when it reports none (or facts this cannot read). */
export function workerBrowserOf(worker: { id: string; capabilities: Record<string, unknown> }): WorkerBrowserOffer | undefined {
  const f = worker.capabilities;
  if (f.browser !== true) return undefined;
  const webgpu = WEBGPU.find((w) => w === f.browserWebgpu) ?? 'none';
  const numbers = [f.browserStepMs, f.browserMacNs, f.browserSetupMs];
  const speed: BackendSpeed | undefined =
    typeof f.browserBackend === 'string' && isTfBackend(f.browserBackend) && numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)
      ? { backend: f.browserBackend, stepMs: f.browserStepMs as number, macNs: f.browserMacNs as number, setupMs: f.browserSetupMs as number }
      : undefined;
  return { workerId: worker.id, webgpu, ...(speed && { speed }) };
}

/** The connected worker browser with the fastest measured speed; one that measured nothing only when none did. */
export function bestWorkerBrowser(workers: readonly { id: string; capabilities: Record<string, unknown> }[]): WorkerBrowserOffer | undefined {
  const offers = workers.map(workerBrowserOf).filter((o): o is WorkerBrowserOffer => o !== undefined);
  const seconds = (o: WorkerBrowserOffer) => (o.speed ? estimateSeconds(o.speed, REFERENCE_WORK) : Infinity);
  return offers.sort((a, b) => seconds(a) - seconds(b) || a.workerId.localeCompare(b.workerId))[0];
}
