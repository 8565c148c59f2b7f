import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { humanZodMessage } from './zod-messages';

function messages(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value, { error: humanZodMessage });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
}

describe('humanZodMessage', () => {
  const schema = z
    .object({
      seed: z.number().int(),
      fraction: z.number().gt(0).max(1),
      mode: z.enum(['scale', 'shift']),
      name: z.string().min(1),
      cols: z.array(z.string()).min(2),
      step: z.number().multipleOf(5),
      flag: z.boolean(),
    })
    .strict();

  it('writes each problem in plain words', () => {
    expect(
      messages(schema, { seed: 1.5, fraction: 0, mode: 'x', name: '', cols: ['a'], step: 7, flag: 'yes', extra: 1 }),
    ).toEqual([
      'seed must be an integer',
      'fraction must be greater than 0',
      'mode must be one of "scale", "shift"',
      'name must not be empty',
      'cols must have at least 2 items',
      'step must be a multiple of 5',
      'flag must be true or false',
      ' has unknown field "extra"',
    ]);
  });

  it('says a missing field is required', () => {
    expect(messages(z.object({ seed: z.number() }), {})).toEqual(['seed is required']);
  });

  it('uses "at most" for inclusive upper bounds', () => {
    expect(messages(z.object({ f: z.number().max(1) }), { f: 2 })).toEqual(['f must be at most 1']);
  });

  it('lets a message the node author wrote win', () => {
    expect(messages(z.object({ k: z.number().min(2, 'needs two folds or more') }), { k: 1 })).toEqual([
      'k needs two folds or more',
    ]);
  });
});
