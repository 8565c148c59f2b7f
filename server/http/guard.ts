// DNS-rebinding and cross-site protection: only known Host names, and a matching Origin on writes.
import { getEnv } from '../env';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function hostname(hostHeader: string): string {
  return hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
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
  if (!host || !allowedHostnames().has(hostname(host.toLowerCase()))) {
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
    if (originHost !== host.toLowerCase() && !extra.includes(originHost)) {
      return Response.json({ error: 'Cross-origin request refused' }, { status: 403 });
    }
  } else if (origin === 'null' && req.method !== 'GET' && req.method !== 'HEAD') {
    return Response.json({ error: 'Cross-origin request refused' }, { status: 403 });
  }
  return null;
}
