// Decides when a step's progress series is written. Progress is the runner's hottest path (one
// event per epoch, often milliseconds apart), so the series is kept in memory and written at most
// once per interval, riding on the progress update that is written anyway; the step's final
// update writes whatever is left. Held on globalThis: Next dev re-evaluates modules on edits.
import type { ProgressPoint } from '../db/schema';
import { ProgressSeries } from './progress-series';

export const SERIES_WRITE_INTERVAL_MS = 200;

interface Buffer {
  series: ProgressSeries;
  writtenAt: number;
  unwritten: boolean;
}

const key = Symbol.for('pipeworks.progressSeries');
const holder = globalThis as unknown as { [key]?: Map<string, Buffer> };
const buffers: Map<string, Buffer> = (holder[key] ??= new Map());

const bufferKey = (runId: string, stepId: string) => `${runId}\u0000${stepId}`;

/** A step (re)starts: whatever an earlier attempt recorded is dropped. */
export function startSeries(runId: string, stepId: string): void {
  buffers.delete(bufferKey(runId, stepId));
}

/** Adds a point; returns the series when it is due to be written, else undefined. */
export function addPoint(runId: string, stepId: string, point: ProgressPoint, now = point.t): ProgressPoint[] | undefined {
  const k = bufferKey(runId, stepId);
  let buffer = buffers.get(k);
  if (!buffer) {
    buffer = { series: new ProgressSeries(), writtenAt: Number.NEGATIVE_INFINITY, unwritten: false };
    buffers.set(k, buffer);
  }
  buffer.series.add(point);
  if (now - buffer.writtenAt < SERIES_WRITE_INTERVAL_MS) {
    buffer.unwritten = true;
    return undefined;
  }
  buffer.writtenAt = now;
  buffer.unwritten = false;
  return buffer.series.points();
}

/** The step ended: returns the series if points are still unwritten, and forgets the step. */
export function finishSeries(runId: string, stepId: string): ProgressPoint[] | undefined {
  const k = bufferKey(runId, stepId);
  const buffer = buffers.get(k);
  buffers.delete(k);
  return buffer?.unwritten ? buffer.series.points() : undefined;
}
