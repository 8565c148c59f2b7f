'use client';
// The page asks for a WebGPU adapter once; every run start reuses the answer.
import { probeWebGpu, type WebGpuProbe } from './browser-ml';

let probe: Promise<WebGpuProbe> | undefined;

export function webGpuProbe(): Promise<WebGpuProbe> {
  probe ??= probeWebGpu();
  return probe;
}
