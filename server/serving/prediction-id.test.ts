import { describe, expect, it } from 'vitest';
import { timePrefix } from './infer';

describe('prediction ids (UUIDv7)', () => {
  it('start with the time, so ids made later sort after', () => {
    const id = (ms: number) => `${timePrefix(ms)}abc-8def-0123456789ab`;
    expect(id(1_765_000_000_000)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(timePrefix(0x0123_4567_89ab)).toBe('01234567-89ab-7');
    const times = [0, 1, 255, 256, 1_765_000_000_000, 1_765_000_000_001, 2 ** 47];
    const prefixes = times.map(timePrefix);
    expect([...prefixes].sort()).toEqual(prefixes);
  });
});
