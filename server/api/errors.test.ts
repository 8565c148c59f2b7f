import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publicErrorData } from './errors';

describe('publicErrorData', () => {
  it("turns a zod input error into one readable line naming each field, not zod's JSON dump", () => {
    const parsed = z.object({ email: z.string().email(), password: z.string().min(1), id: z.string() }).safeParse({ email: 'nope', password: '', id: 5 });
    const error = new TRPCError({ code: 'BAD_REQUEST', message: JSON.stringify(parsed.error?.issues), cause: parsed.error });
    const { message } = publicErrorData(error);
    expect(message).toBe('Invalid input: email: Invalid email address; password: Too small: expected string to have >=1 characters; id: expected string, received number');
    expect(message).not.toMatch(/[{[]/);
  });

  it('never shows an internal error', () => {
    expect(publicErrorData(new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: "Cannot read properties of null (reading 'x')" })).message).toBe('Internal error; see the server log');
  });
});
