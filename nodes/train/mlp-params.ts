// The MLP's own params (the shared train params — columns, task, class weights, seed,
// preprocessing — are added beside them by trainParamsSchema). Flat, so the form stays flat.
import { z } from 'zod';

export const MLP_ACTIVATIONS = ['relu', 'tanh', 'sigmoid'] as const;
export type MlpActivation = (typeof MLP_ACTIVATIONS)[number];

export const mlpShape = {
  hiddenLayers: z
    .array(z.number().int().min(1).max(4096))
    .min(1)
    .max(8)
    .default([64, 32])
    .describe('Units of each hidden layer, input side first'),
  activation: z.enum(MLP_ACTIVATIONS).default('relu').describe('Activation of the hidden layers'),
  dropout: z.number().min(0).max(0.9).default(0).describe('Fraction of hidden units dropped at random while training'),
  l2: z
    .number()
    .min(0)
    .max(10)
    .default(0)
    .describe('L2 penalty: adds l2 × Σw² (hidden and output weights, not biases) to each batch loss'),
  learningRate: z.number().gt(0).max(1).default(0.003).describe('Adam step size'),
  epochs: z.number().int().min(1).max(10_000).default(30).describe('Passes over the training rows (at most)'),
  batchSize: z.number().int().min(1).max(65_536).default(512).describe('Rows per gradient step'),
  earlyStopping: z
    .boolean()
    .default(true)
    .describe('Stop when the validation loss stops improving and keep the best epoch (needs a validation input)'),
  patience: z.number().int().min(1).max(1000).default(5).describe('Epochs without improvement before stopping'),
  minDelta: z.number().min(0).default(1e-4).describe('The smallest drop in validation loss that counts as improvement'),
};

export type MlpParams = z.output<z.ZodObject<typeof mlpShape>>;

/** Every MLP param at its default: for the bench, tests and the search node. */
export const DEFAULT_MLP_PARAMS: MlpParams = z.object(mlpShape).parse({});
