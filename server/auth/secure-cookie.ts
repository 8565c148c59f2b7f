// Whether the session cookie gets the Secure flag. `next start` serves plain HTTP, so a request is
// HTTPS only when a TLS-terminating proxy in front says so in X-Forwarded-Proto. Any client can send
// that header, so it counts only when the operator has said such a proxy is there and overwrites it
// (PIPEWORKS_TRUST_PROXY=1); otherwise it is ignored, whoever sends it.
export function isSecureRequest(headers: Headers, trustProxy: boolean): boolean {
  if (!trustProxy) return false;
  // A chain of proxies appends: the first entry is what the outermost one saw.
  return headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}
