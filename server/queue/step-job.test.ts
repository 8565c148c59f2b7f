import { describe, expect, it } from 'vitest';
import { stepJobId } from './step-job';

// Routing by capability and memory: step-routing.test.ts.
describe('step jobs', () => {
  it('builds job ids BullMQ accepts', () => {
    expect(stepJobId('r:1', 'a', 'n')).toBe('r_1|a|n');
  });
});
