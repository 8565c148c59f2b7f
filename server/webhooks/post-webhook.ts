// Posts a webhook body with the SSRF guard applied at every hop: the URL is checked, the
// connection goes to the checked address (the request's own lookup is pinned to it), and a
// redirect is followed by hand, at most MAX_REDIRECTS times, each new URL checked again.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkTarget, type AllowEntry, type Resolve } from './target-guard';

export const MAX_REDIRECTS = 3;

export interface PostOptions {
  allowlist: readonly AllowEntry[];
  resolve: Resolve;
  timeoutMs?: number;
}

/**
 * `retryable`: a later attempt might succeed (no answer, a 5xx, 408 or 429, a name that did not
 * resolve); a refusal by the guard, any other answer or a bad redirect will not change by waiting.
 */
export type PostResult = { status: number; error: null } | { status: number | null; error: string; retryable: boolean };

const RETRYABLE_STATUS = (status: number) => status >= 500 || status === 408 || status === 429;

interface Hop {
  status: number;
  location: string | null;
}

function pinned(address: string, family: 4 | 6): LookupFunction {
  return ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

function send(url: URL, method: 'POST' | 'GET', body: string | null, headers: Record<string, string>, address: string, family: 4 | 6, timeoutMs: number): Promise<Hop> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method,
        headers: body === null ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        lookup: pinned(address, family),
        timeout: timeoutMs,
        agent: false,
      },
      (res) => {
        // The answer's body is not needed: drain it so the socket closes.
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: typeof res.headers.location === 'string' ? res.headers.location : null }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

export async function postWebhook(target: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { status: null, error: `"${target}" is not a URL`, retryable: false };
  }
  let method: 'POST' | 'GET' = 'POST';
  let payload: string | null = body;
  for (let hop = 0; ; hop++) {
    const verdict = await checkTarget(url, options.allowlist, options.resolve);
    if (!verdict.ok) return { status: null, error: hop === 0 ? `Refused: ${verdict.error}` : `Refused after a redirect to ${url.href}: ${verdict.error}`, retryable: verdict.transient === true };
    let answer: Hop;
    try {
      answer = await send(url, method, payload, headers, verdict.address, verdict.family, options.timeoutMs ?? 5_000);
    } catch (error) {
      return { status: null, error: `${url.origin} did not answer: ${error instanceof Error ? error.message : String(error)}`, retryable: true };
    }
    if (![301, 302, 303, 307, 308].includes(answer.status)) {
      return answer.status >= 200 && answer.status < 300 ? { status: answer.status, error: null } : { status: answer.status, error: `${url.origin} answered ${answer.status}`, retryable: RETRYABLE_STATUS(answer.status) };
    }
    if (!answer.location) return { status: answer.status, error: `${url.origin} answered ${answer.status} without a Location`, retryable: false };
    if (hop === MAX_REDIRECTS) return { status: answer.status, error: `More than ${MAX_REDIRECTS} redirects; the last pointed to ${answer.location}`, retryable: false };
    try {
      url = new URL(answer.location, url);
    } catch {
      return { status: answer.status, error: `A redirect pointed to "${answer.location}", which is not a URL`, retryable: false };
    }
    // As browsers do: 307/308 repeat the POST, the others continue with a GET and no body.
    if (answer.status !== 307 && answer.status !== 308) {
      method = 'GET';
      payload = null;
    }
  }
}
