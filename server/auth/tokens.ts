// Random bearer secrets and their stored form. Only the sha256 of a secret is ever written down.
import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: 43 URL- and cookie-safe characters. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

// A plain sha256 is enough here: the secret has 256 bits of entropy, so there is nothing to brute-force.
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
