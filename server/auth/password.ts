// Password hashing with scrypt from node:crypto, so no native dependency beyond Node itself.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { UserError } from '../../engine/errors';

export const MIN_PASSWORD_LENGTH = 10;
// Bounds scrypt's work on absurd input; no real passphrase is this long.
export const MAX_PASSWORD_LENGTH = 1024;
const PARAMS = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyLength: number): Promise<Buffer> {
  // 128 * N * r bytes of memory are needed; leave headroom over Node's 32 MiB default.
  const maxmem = 256 * (options.N ?? PARAMS.N) * (options.r ?? PARAMS.r);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export function assertPasswordAcceptable(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`Password must be at least ${MIN_PASSWORD_LENGTH} characters long`, { field: 'password' });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new UserError(`Password must be at most ${MAX_PASSWORD_LENGTH} characters long`, { field: 'password' });
  }
}

/** Returns `scrypt$N$r$p$salt_b64$hash_b64`. */
export async function hashPassword(password: string): Promise<string> {
  assertPasswordAcceptable(password);
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, PARAMS, KEY_LENGTH);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong password and for a malformed hash; never throws on user input. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parseHash(encoded);
  if (!parsed || password.length > MAX_PASSWORD_LENGTH) return false;
  // scrypt rejects impossible parameters (e.g. N not a power of two): treat as a mismatch.
  const key = await derive(password, parsed.salt, parsed.options, parsed.hash.length).catch(() => null);
  return key !== null && timingSafeEqual(key, parsed.hash);
}

function parseHash(encoded: string): { options: ScryptOptions; salt: Buffer; hash: Buffer } | null {
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  if (![N, r, p].every(Number.isSafeInteger) || salt.length === 0 || hash.length < 16) return null;
  return { options: { N, r, p }, salt, hash };
}
