import { describe, expect, it } from 'vitest';
import { checkRequestOrigin, checkRequestPath, parseHostHeader } from './guard';

const req = (host: string, headers: Record<string, string> = {}) => {
  const h = new Headers(headers);
  h.set('host', host);
  return { headers: h, method: 'GET' } as unknown as Request;
};

describe('parseHostHeader', () => {
  it('accepts names, IPv4 and bracketed IPv6, with or without a port', () => {
    expect(parseHostHeader('127.0.0.1:3201')).toBe('127.0.0.1');
    expect(parseHostHeader('LocalHost')).toBe('localhost');
    expect(parseHostHeader('[::1]:80')).toBe('[::1]');
    expect(parseHostHeader('studio.example.com')).toBe('studio.example.com');
  });

  it('refuses anything that is not host[:port]', () => {
    for (const bad of ['127.0.0.1:3201@evil.example', '127.0.0.1@evil.example', 'evil.example#127.0.0.1', '127.0.0.1:', '127.0.0.1:99999',
      '127.0.0.1:80:80', '127.0.0.1/x', 'a b', '', '[::1', 'user:pw@127.0.0.1', '127.0.0.1\\evil', '-x.example']) {
      expect(parseHostHeader(bad), bad).toBeNull();
    }
  });
});

describe('checkRequestOrigin', () => {
  it('refuses a Host with userinfo-like junk that starts with an allowed name', () => {
    expect(checkRequestOrigin(req('127.0.0.1:3201@evil.example'))?.status).toBe(403);
    expect(checkRequestOrigin(req('127.0.0.1:3201'))).toBeNull();
  });
});

describe('checkRequestPath', () => {
  it('answers 400 for a segment whose %-escape does not decode', () => {
    for (const bad of ['/api/artifacts/%ff', '/api/artifacts/%', '/projects/%E0%A4%A', '/api/trpc/%c0%af']) {
      expect(checkRequestPath(bad)?.status, bad).toBe(400);
    }
  });

  it('lets well-formed paths through', () => {
    expect(checkRequestPath('/api/artifacts/' + 'a'.repeat(64))).toBeNull();
    expect(checkRequestPath('/projects/caf%C3%A9')).toBeNull();
    expect(checkRequestPath('/api/trpc/a%2Cb')).toBeNull();
  });
});
