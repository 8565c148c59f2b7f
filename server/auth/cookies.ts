// Reads one cookie from a Cookie header. Cookies are not scoped by port, so any app on the same
// host name can set one: a value that is not well-formed is ignored as if absent, never thrown.

export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0 || part.slice(0, eq).trim() !== name) continue;
    const value = decodeOrUndefined(part.slice(eq + 1).trim());
    if (value !== undefined) return value;
  }
  return undefined;
}

function decodeOrUndefined(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    // URIError: a lone '%', a truncated or invalid UTF-8 escape. Not a session we issued.
    return undefined;
  }
}
