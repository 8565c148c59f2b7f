import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('encodes scrypt parameters, salt and a 64-byte key', async () => {
    const encoded = await hashPassword('correct horse battery');
    const [scheme, N, r, p, salt, hash] = encoded.split('$');
    expect([scheme, N, r, p]).toEqual(['scrypt', '16384', '8', '1']);
    expect(Buffer.from(salt, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash, 'base64')).toHaveLength(64);
  });

  it('verifies the right password and rejects a wrong one', async () => {
    const encoded = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', encoded)).toBe(true);
    expect(await verifyPassword('correct horse batterY', encoded)).toBe(false);
    expect(await verifyPassword('', encoded)).toBe(false);
  });

  it('salts each hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same password'), hashPassword('same password')]);
    expect(a).not.toBe(b);
  });

  it('refuses short passwords with a clear UserError', async () => {
    await expect(hashPassword('short')).rejects.toBeInstanceOf(UserError);
    await expect(hashPassword('123456789')).rejects.toThrow(/at least 10 characters/);
    await expect(hashPassword('1234567890')).resolves.toMatch(/^scrypt\$/);
  });

  it('returns false for malformed hashes instead of throwing', async () => {
    for (const bad of ['', 'plain', 'scrypt$1$2$3', 'bcrypt$16384$8$1$c2FsdA==$aGFzaA==', 'scrypt$x$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==', 'scrypt$1000$8$1$c2FsdA==$aGFzaGhhc2hoYXNoaGFzaA==']) {
      expect(await verifyPassword('whatever12', bad)).toBe(false);
    }
  });
});
