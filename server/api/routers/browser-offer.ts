// What a browser starting or previewing a run says it offers: its WebGPU adapter and its measured
// training speed per TF.js backend (components/runner/training-speed.ts). Checked here, at the
// edge: a speed is a finite, non-negative number of a known backend, nothing else.
import { z } from 'zod';
import { BROWSER_BACKENDS } from '../../../engine/training-speed';

const ms = z.number().finite().min(0).max(3_600_000);

export const backendSpeed = z.strictObject({
  backend: z.enum(BROWSER_BACKENDS),
  stepMs: ms,
  macNs: z.number().finite().min(0).max(1e9),
  setupMs: ms,
});

export const browserOffer = z.strictObject({
  webgpu: z.enum(['hardware', 'software', 'none']),
  /** In the runner's order; absent before the browser has measured itself. */
  speeds: z.array(backendSpeed).max(BROWSER_BACKENDS.length).optional(),
});
