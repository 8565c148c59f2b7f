// Params both evaluate nodes share: the binary decision, the cost matrix and the quality gates.
import { z } from 'zod';
import type { CostMatrix } from './cost';
import { gatesParam } from './gates';

export const decisionParams = {
  positiveLabel: z
    .string()
    .max(200)
    .default('')
    .describe('Binary only: the class that counts as positive, e.g. "fraud"; empty takes the second class label'),
  threshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .describe('Binary only: a row is predicted positive when P(positive) is at or above this'),
};

export const costParams = {
  truePositiveValue: z
    .number()
    .default(0)
    .describe('Cost view (binary): value gained per true positive, e.g. a fraud caught, in your money unit'),
  falsePositiveCost: z
    .number()
    .default(1)
    .describe('Cost view (binary): cost of each false positive, e.g. an innocent customer flagged'),
  falseNegativeCost: z
    .number()
    .default(1)
    .describe('Cost view (binary): cost of each false negative, e.g. a fraud missed'),
  trueNegativeValue: z
    .number()
    .default(0)
    .describe('Cost view (binary): value gained per true negative; usually 0'),
  currency: z.string().max(12).default('').describe('Money unit shown with the cost figures, e.g. EUR'),
};

export const gatesParams = { gates: gatesParam };

export function costMatrixOf(p: {
  truePositiveValue: number;
  falsePositiveCost: number;
  falseNegativeCost: number;
  trueNegativeValue: number;
  currency: string;
}): { matrix: CostMatrix; currency: string } {
  const { truePositiveValue, falsePositiveCost, falseNegativeCost, trueNegativeValue, currency } = p;
  return { matrix: { truePositiveValue, falsePositiveCost, falseNegativeCost, trueNegativeValue }, currency };
}
