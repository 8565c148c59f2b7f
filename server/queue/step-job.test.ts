import { describe, expect, it } from 'vitest';
import { cancelKey, stepJobId } from './step-job';

// Routing by capability and memory: step-routing.test.ts.
describe('step jobs', () => {
  it('builds job ids BullMQ accepts', () => {
    expect(stepJobId('r:1', 'a', 'n')).toBe('r_1|a|n');
  });

  it('names a cancel after the queueing, so a step queued again under its job id is not cancelled by an earlier key', () => {
    const id = stepJobId('r1', 'a', 'step');
    expect(cancelKey('p', id, 'first')).not.toBe(cancelKey('p', id, 'second'));
    expect(cancelKey('p', id, 'first')).toBe(cancelKey('p', id, 'first'));
    // A job queued before queuedAs existed keeps the key its server set.
    expect(cancelKey('p', id, undefined)).toBe('p:step-cancelled:r1|a|step');
  });
});
