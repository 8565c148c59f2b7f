// The train/validation/test fraction params shared by the split nodes, checked to add up to 1.
import { z } from 'zod';

export const fractionFields = {
  train: z.number().gt(0).lte(1).default(0.75).describe('Fraction of rows for training, above 0 and at most 1'),
  validation: z
    .number()
    .gte(0)
    .lt(1)
    .default(0)
    .describe('Fraction of rows for validation (0 leaves the validation output empty)'),
  test: z.number().gte(0).lt(1).default(0.25).describe('Fraction of rows held out for the final test'),
};

export function fractionsAddUp(p: { train: number; validation: number; test: number }): boolean {
  return Math.abs(p.train + p.validation + p.test - 1) <= 1e-9;
}

export const FRACTIONS_MESSAGE = { error: 'Train, validation and test fractions must add up to 1', path: ['train'] };
