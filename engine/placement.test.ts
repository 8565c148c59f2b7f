import { describe, expect, it } from 'vitest';
import { resolvePlacement } from './placement';

describe('resolvePlacement', () => {
  it('auto prefers the server when the node runs there', () => {
    expect(resolvePlacement('auto', ['browser', 'server'])).toBe('server');
    expect(resolvePlacement('auto', ['browser'])).toBe('browser');
  });

  it('auto honours a preferred runtime the node supports', () => {
    expect(resolvePlacement('auto', ['browser', 'server'], 'browser')).toBe('browser');
    expect(resolvePlacement('auto', ['server'], 'browser')).toBe('server');
  });

  it('honours a fixed setting the node supports and refuses one it does not', () => {
    expect(resolvePlacement('browser', ['browser', 'server'])).toBe('browser');
    expect(resolvePlacement('browser', ['server'])).toBeNull();
    expect(resolvePlacement('server', ['browser'], 'server')).toBeNull();
  });

  it('refuses a node that runs nowhere', () => {
    expect(resolvePlacement('auto', [])).toBeNull();
  });
});
