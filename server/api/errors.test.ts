import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { publicErrorData } from './errors';

describe('publicErrorData', () => {
  it("turns a zod input error into one readable line naming each field, not zod's JSON dump", () => {
    const parsed = z.object({ email: z.string().email(), password: z.string().min(1), id: z.string() }).safeParse({ email: 'nope', password: '', id: 5 });
    const error = new TRPCError({ code: 'BAD_REQUEST', message: JSON.stringify(parsed.error?.issues), cause: parsed.error });
    const { message } = publicErrorData(error);
    expect(message).toBe('Invalid input: email: Invalid email address; password: Too small: expected string to have >=1 characters; id: expected string, received number');
    expect(message).not.toMatch(/[{[]/);
  });

  it('names the field an error is about, for forms to show it there', () => {
    const parsed = z.object({ rule: z.object({ threshold: z.number() }) }).safeParse({ rule: { threshold: 'x' } });
    expect(publicErrorData(new TRPCError({ code: 'BAD_REQUEST', message: '', cause: parsed.error })).field).toBe('rule.threshold');
    expect(publicErrorData(new TRPCError({ code: 'BAD_REQUEST', message: 'x', cause: new UserError('Unknown feature "amont"', { field: 'feature' }) }))).toEqual({ message: 'Unknown feature "amont"', field: 'feature' });
    expect(publicErrorData(new TRPCError({ code: 'BAD_REQUEST', message: 'x', cause: new UserError('No') }))).toEqual({ message: 'No' });
  });

  it('never shows an internal error', () => {
    expect(publicErrorData(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: "Cannot read properties of null (reading 'x')" })).message).toBe('Internal error; see the server log');
  });
});
