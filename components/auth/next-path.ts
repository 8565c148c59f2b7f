// Where to go after signing in: only a same-site path, never another origin ("//evil", "/\evil").
export function safeNextPath(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  try {
    const base = 'http://pipeworks.invalid';
    const url = new URL(raw, base);
    if (url.origin !== base) return '/';
    if (url.pathname === '/login') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

/** Reads ?next= from the current address; only called in event handlers, so no Suspense is needed. */
export function nextPathFromLocation(): string {
  return safeNextPath(new URLSearchParams(window.location.search).get('next'));
}

/**
 * Where a person lands after signing in: ?next= when it names a page; otherwise their home. A
 * viewer's (manager's) home is the portfolio dashboard; everyone else's is the projects list,
 * which viewers still reach from the navigation.
 */
export function pathAfterSignIn(role: string | undefined): string {
  const next = nextPathFromLocation();
  return role === 'viewer' && next === '/' ? '/dashboard' : next;
}
