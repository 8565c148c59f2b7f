'use client';
// What this tab tells the server when it previews or starts a run: its WebGPU adapter and its
// measured training speed, so placement 'auto' can compare it with the server's.
import { fastestFirst, type BackendOrder } from '../../engine/backend-order';
import type { BrowserOffer } from '../../engine/placement';
import { BROWSER_BACKENDS } from './browser-ml';
import { measuredSpeeds, trainingSpeeds } from './training-speed';
import { webGpuProbe } from './webgpu-probe';

/** `?backends=wasm,cpu` forces a backend order: for comparing backends, and for tests. */
export function backendsFromUrl(): readonly string[] {
  const asked = new URLSearchParams(location.search).get('backends');
  const known = new Set<string>(BROWSER_BACKENDS);
  const list = asked?.split(',').map((b) => b.trim()).filter((b) => known.has(b)) ?? [];
  return list.length > 0 ? list : BROWSER_BACKENDS;
}

/**
 * 'wait' (the plan preview, which shows the estimates): the first call in a profile measures, for
 * seconds, in a worker; later ones read the cached figures. 'at-hand' (starting a run): only
 * figures already measured, else none, so 'auto' keeps training on the server and says so. A run
 * start never measures: it must not wait, and a probe beside a training in this tab would time
 * both wrong (and the wrong figure would be kept for a week).
 */
export async function browserOffer(measure: 'wait' | 'at-hand'): Promise<BrowserOffer> {
  const { offer, adapter } = await webGpuProbe();
  const measured = measure === 'wait' ? await trainingSpeeds(backendsFromUrl(), adapter) : measuredSpeeds(backendsFromUrl(), adapter);
  // In the order the runner will train in, so the first speed placement compares is the one used.
  const { speeds } = fastestFirst(backendsFromUrl(), measured);
  return speeds.length > 0 ? { webgpu: offer, speeds } : { webgpu: offer };
}

/** The backends a run started now trains on, fastest measured first (figures at hand only, never a probe). */
export async function trainingOrder(): Promise<BackendOrder> {
  const { adapter } = await webGpuProbe();
  return fastestFirst(backendsFromUrl(), measuredSpeeds(backendsFromUrl(), adapter));
}
