import { describe, expect, it } from 'vitest';
import { aliasSchema } from './alias-names';

describe('aliasSchema', () => {
  it('accepts the standard aliases and free-form ones, lower-cased', () => {
    expect(aliasSchema.parse('production')).toBe('production');
    expect(aliasSchema.parse(' Shadow-EU ')).toBe('shadow-eu');
    expect(aliasSchema.parse('ab_test_2')).toBe('ab_test_2');
  });

  it('refuses names that already mean a version, and odd characters, saying why', () => {
    expect(aliasSchema.safeParse('latest').error?.issues[0].message).toMatch(/reserved/);
    expect(aliasSchema.safeParse('v12').error?.issues[0].message).toMatch(/reserved/);
    expect(aliasSchema.safeParse('2nd').error?.issues[0].message).toMatch(/starts with a letter/);
    expect(aliasSchema.safeParse('prod env').success).toBe(false);
    expect(aliasSchema.safeParse('').success).toBe(false);
    expect(aliasSchema.safeParse('x'.repeat(41)).success).toBe(false);
  });
});
