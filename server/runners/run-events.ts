// In-process notifications that a run changed; subscribers re-read the run from SQLite.
// Other processes (the CLI, scale-out workers) are picked up by the subscription's periodic re-read.
import { EventEmitter } from 'node:events';

const key = Symbol.for('pipeworks.runEvents');
const holder = globalThis as unknown as { [key]?: EventEmitter };

export const runEvents: EventEmitter = (holder[key] ??= new EventEmitter().setMaxListeners(0));

export function notifyRunChanged(runId: string): void {
  runEvents.emit(runId);
}
