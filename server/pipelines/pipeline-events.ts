// In-process notices that a pipeline got a new version or that who has it open changed; the
// presence subscription re-reads on each (and polls, for versions saved by other processes).
import { EventEmitter } from 'node:events';

const key = Symbol.for('pipeworks.pipelineEvents');
const holder = globalThis as unknown as { [key]?: EventEmitter };

export const pipelineEvents: EventEmitter = (holder[key] ??= new EventEmitter().setMaxListeners(0));

export function notifyPipelineChanged(pipelineId: string): void {
  pipelineEvents.emit(pipelineId);
}
