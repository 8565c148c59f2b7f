// DNS-rebinding and cross-site protection: only known Host names, and a matching Origin on writes.
import { getEnv } from '../env';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

// RFC 9110 Host: a DNS name, an IPv4 address or a bracketed IPv6 address, then an optional port.
// Anything else ('127.0.0.1:3201@evil.example', spaces, a path) is not a Host, and so not ours.
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

/** The host name of a well-formed Host header (lowercased, IPv6 keeps its brackets), else null. */
export function parseHostHeader(hostHeader: string): string | null {
  const match = HOST_HEADER.exec(hostHeader.trim().toLowerCase());
  if (!match) return null;
  if (match[2] !== undefined && Number(match[2]) > 65_535) return null;
  return match[1];
}

function hostname(hostHeader: string): string {
  return parseHostHeader(hostHeader) ?? '';
}

export function allowedHostnames(): Set<string> {
  const env = getEnv();
  const names = new Set(LOOPBACK);
  if (env.PIPEWORKS_HOST !== '0.0.0.0' && env.PIPEWORKS_HOST !== '::') names.add(env.PIPEWORKS_HOST);
  for (const origin of env.PIPEWORKS_ALLOWED_ORIGINS) names.add(hostname(new URL(origin).host));
  return names;
}

/** Returns a 403 response for a foreign Host or Origin, or null when the request may proceed. */
export function checkRequestOrigin(req: Request): Response | null {
  const host = req.headers.get('host');
  const name = host ? parseHostHeader(host) : null;
  if (!host || !name || !allowedHostnames().has(name)) {
    return Response.json({ error: 'Forbidden host' }, { status: 403 });
  }
  const origin = req.headers.get('origin');
  if (origin && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      return Response.json({ error: 'Malformed Origin header' }, { status: 403 });
    }
    const extra = getEnv().PIPEWORKS_ALLOWED_ORIGINS.map((o) => new URL(o).host.toLowerCase());
    if (originHost !== host.trim().toLowerCase() && !extra.includes(originHost)) {
      return Response.json({ error: 'Cross-origin request refused' }, { status: 403 });
    }
  } else if (origin === 'null' && req.method !== 'GET' && req.method !== 'HEAD') {
    return Response.json({ error: 'Cross-origin request refused' }, { status: 403 });
  }
  return null;
}

/**
 * A 400 when a path segment holds a %-escape that does not decode (`/api/artifacts/%ff`): Next would
 * otherwise answer 500 while decoding route params, before any handler or auth check runs.
 */
export function checkRequestPath(pathname: string): Response | null {
  for (const segment of pathname.split('/')) {
    if (!segment.includes('%')) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return Response.json({ error: 'Malformed %-escape in the request path' }, { status: 400 });
    }
  }
  return null;
}
