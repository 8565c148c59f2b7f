// proxy.ts never answers a request carrying an API key with a redirect: /api routes pass through
// to the route (which checks the key), and pages say plainly that keys do not open them.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../../proxy';

const request = (path: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://127.0.0.1:3000${path}`, { headers: { host: '127.0.0.1:3000', ...headers } });

const key = { authorization: 'Bearer pw_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG' };

describe('proxy with an API key', () => {
  it.each(['/api/trpc/registry.models', '/api/health', '/api/artifacts/abc', '/api/anything/else'])('passes %s through to its route', (path) => {
    const res = proxy(request(path, key));
    expect(res.status).toBe(200);
    expect(res.headers.get('x-middleware-next')).toBe('1');
    expect(res.headers.get('location')).toBeNull();
  });

  it('answers a page with 401 JSON instead of a redirect to sign-in', async () => {
    const res = proxy(request('/runs/r1', key));
    expect(res.status).toBe(401);
    expect(res.headers.get('location')).toBeNull();
    expect((await res.json()).error).toMatch(/API keys work on \/api routes only/);
  });

  it('still sends a browser without a session to sign-in', () => {
    const res = proxy(request('/runs/r1'));
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toMatch(/\/login\?next=%2Fruns%2Fr1$/);
  });
});
