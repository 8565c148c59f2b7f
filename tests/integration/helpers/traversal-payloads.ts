// Path-traversal payloads, each ready to stand as one URL path segment (or query value) exactly as
// an attacker would send it: `../` in its many spellings (percent, double percent, overlong UTF-8,
// backslash, Unicode dots), absolute paths, /proc/self/root, NUL bytes and overlong ids, aimed at
// files a server must never serve. Shared by security-traversal.test.ts and bench:reliability.

/** What a payload aims at, and text that proves it was read if it shows up in a response. */
export const TARGETS = [
  { path: 'etc/passwd', marker: 'root:x:0:0' },
  { path: 'proc/self/environ', marker: 'PIPEWORKS_DATA_DIR=' },
  { path: 'pipeworks.db', marker: 'SQLite format 3' },
  { path: 'package.json', marker: '"name": "pipeworks"' },
  { path: 'traversal-canary.txt', marker: 'pw-traversal-canary-7f3a' },
] as const;

export const CANARY = { name: 'traversal-canary.txt', content: 'pw-traversal-canary-7f3a\n' };

/** `..` and `/` spelled every way a decoder might turn back into them; `%` ones escaped once more. */
const DOTDOT_SLASH = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e%2f',
  '%2e%2e/',
  '.%2e/',
  '%2e./',
  '%252e%252e%252f',
  '..%252f',
  '%25252e%25252e%25252f',
  '..%5c',
  '%2e%2e%5c',
  '..%255c',
  '....//',
  '..%2f%2f',
  '..;/',
  '%c0%ae%c0%ae%c0%af',
  '%c0%ae%c0%ae/',
  '%e0%80%ae%e0%80%ae/',
  '%ef%bc%8e%ef%bc%8e/', // fullwidth full stops
  '%e2%80%a4%e2%80%a4/', // one-dot leaders
  '%u002e%u002e%u2215',
  '..%c0%af',
  '..%00/',
];

const DEPTHS = [2, 8];

/** Payloads that do not depend on `..`: absolute paths, NUL bytes, odd ids. */
const ABSOLUTE = [
  '%2fetc%2fpasswd',
  '%2f%2fetc%2fpasswd',
  '%2f%2fproc%2fself%2froot%2fetc%2fpasswd',
  '%2fproc%2fself%2froot%2fproc%2fself%2fenviron',
  '%2fproc%2fself%2fenviron',
  '%2fproc%2fself%2fcwd%2fpackage.json',
  '%2fproc%2fself%2ffd%2f0',
  'file:%2f%2f%2fetc%2fpasswd',
  'C:%5cWindows%5cwin.ini',
  '%5c%5c127.0.0.1%5cc$%5cwindows',
  '~%2f.ssh%2fid_rsa',
  '%00',
  'a%00.csv',
  'iris.csv%00.json',
  '%00..%2f..%2f..%2fetc%2fpasswd',
  '.',
  '..',
  '%2e',
  '%2e%2e',
  '.%2e',
  '...',
  '%20',
  '%ff',
  '%',
  '%zz',
  '%E0%A4%A',
  'a'.repeat(64),
  'A'.repeat(64),
  'g'.repeat(64),
  'a'.repeat(63),
  'a'.repeat(65),
  'a'.repeat(64) + '%00',
  'a'.repeat(64) + '..%2f..%2fetc%2fpasswd',
  'a'.repeat(5000),
  '0'.repeat(20000),
  '-1',
  '1e309',
  'NaN',
  'undefined',
  'null',
  '__proto__',
  'constructor',
  '%24%7Bjndi%3Aldap%3A%2F%2Fx%7D',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  "'%20OR%201%3D1--",
];

/** Every payload, each distinct; well over 200. */
export function traversalPayloads(): string[] {
  const all = new Set<string>();
  for (const step of DOTDOT_SLASH) {
    for (const depth of DEPTHS) {
      for (const target of TARGETS) all.add(step.repeat(depth) + target.path.replaceAll('/', step.endsWith('/') ? '/' : step.slice(2)));
    }
  }
  for (const p of ABSOLUTE) all.add(p);
  return [...all];
}

/** Markers of any target found in a response body. */
export function leakedMarkers(body: string): string[] {
  return TARGETS.filter((t) => body.includes(t.marker)).map((t) => t.path);
}
