// May a webhook post go to this URL? Its origin must be allow-listed, its host must not name a
// metadata service, and every address it resolves to must be public, or (the entry allowing
// private targets) loopback, link-local, private or unspecified, never metadata. The caller
// connects to the returned address, so a second lookup (DNS rebinding) cannot change it.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress, isMetadataHostname } from './address-class';

export interface AllowEntry {
  origin: string;
  allowPrivate: boolean;
}

export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** `transient`: a later check may pass (the name did not resolve now); every other refusal is policy. */
export type TargetVerdict = { ok: true; address: string; family: 4 | 6 } | { ok: false; error: string; transient?: boolean };

/** scheme://host[:port], lower-case, default ports left out: what allow-list entries hold. */
export function originOf(url: URL): string {
  return url.origin.toLowerCase();
}

export async function checkTarget(url: URL, allowlist: readonly AllowEntry[], resolve: Resolve): Promise<TargetVerdict> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: `${url.protocol} URLs are not posted to; use http or https` };
  if (url.username || url.password) return { ok: false, error: 'URLs with credentials in them are not posted to' };
  const origin = originOf(url);
  const entry = allowlist.find((e) => e.origin === origin);
  if (!entry) return { ok: false, error: `${origin} is not on the webhook allow-list; an admin can add it` };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isMetadataHostname(host)) return { ok: false, error: `${host} is a cloud metadata service and is never posted to` };
  let addresses: { address: string; family: number }[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await resolve(host);
    } catch (error) {
      return { ok: false, error: `${host} did not resolve (${error instanceof Error ? error.message : String(error)})`, transient: true };
    }
  }
  if (addresses.length === 0) return { ok: false, error: `${host} resolved to no address` };
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    switch (kind) {
      case 'public':
        continue;
      case 'loopback':
      case 'link-local':
      case 'private':
      case 'unspecified':
        if (entry.allowPrivate) continue;
        return { ok: false, error: `${host} resolves to ${address}, a ${kind} address; an admin must allow private targets for ${origin}` };
      case 'metadata':
        return { ok: false, error: `${host} resolves to ${address}, a cloud metadata address, which is never posted to` };
      case 'multicast':
      case 'reserved':
      case 'invalid':
        return { ok: false, error: `${host} resolves to ${address}, a ${kind} address, which is never posted to` };
    }
  }
  const first = addresses[0];
  return { ok: true, address: first.address, family: first.family === 6 ? 6 : 4 };
}
