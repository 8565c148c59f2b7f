// The params every train node shares: column choice, task, class weighting, seed and the learned
// preprocessing. An estimator's own params are added next to them in one flat object (one form).
import { z } from 'zod';
import { COLUMN_PARAM_KEY } from '../../engine/columns';
import { preprocessShape, type PreprocessOptions } from './preprocess-options';
import type { TaskChoice, TaskFamily } from './target-encoding';
import { modelNameSchema } from '../models/model-name';
import { seedParam } from '../seed-param';

export interface CommonTrainParams extends PreprocessOptions {
  target?: string;
  features?: string[];
  /** Present when the estimator does both classification and regression. */
  task?: TaskChoice;
  /** Present when the estimator classifies. */
  classWeight?: 'none' | 'balanced';
  seed: number;
  /** A registered model's name: the trained model becomes its next version when the run succeeds. */
  register?: string;
}

export interface TrainParamsOptions {
  tasks: readonly TaskFamily[];
  preprocessDefaults?: Partial<PreprocessOptions>;
}

/** Train params that only say where the model goes afterwards; they never change the cache key. */
export const TRAIN_PUBLISH_PARAMS = ['register'] as const;

const registerShape = {
  register: modelNameSchema
    .optional()
    .describe('Register the trained model under this name when the run succeeds (a new version of that registered model; leave empty to not register)'),
};

const seedShape = {
  seed: seedParam('Seed for everything random in training: the same seed and data give the same model'),
};

/** The shared fields as a zod shape; `task` and `classWeight` only where they mean something. */
export function commonTrainShape({ tasks, preprocessDefaults }: TrainParamsOptions): z.ZodRawShape {
  const columns = {
    target: z
      .string()
      .max(200)
      .optional()
      .describe('Column to predict; leave empty to use the column whose role is target')
      .meta({ [COLUMN_PARAM_KEY]: 'train' }),
    features: z
      .array(z.string().max(200).meta({ [COLUMN_PARAM_KEY]: 'train' }))
      .max(10_000)
      .optional()
      .describe('Feature columns; leave empty to use every column whose role is feature'),
  };
  const task: z.ZodRawShape = tasks.length > 1
    ? {
        task: z
          .enum(['auto', 'classification', 'regression'])
          .default('auto')
          .describe('auto: regression for a numeric target, classification otherwise'),
      }
    : {};
  const classWeight: z.ZodRawShape = tasks.includes('classification')
    ? {
        classWeight: z
          .enum(['none', 'balanced'])
          .default('none')
          .describe('balanced weights each row by n / (classes × rows of its class), for imbalanced targets'),
      }
    : {};
  return { ...columns, ...task, ...classWeight, ...seedShape, ...preprocessShape(preprocessDefaults), ...registerShape };
}

export type TrainParams<E> = CommonTrainParams & E;

/**
 * One flat schema: the shared fields, then the estimator's. Its type is asserted because zod cannot
 * infer a shape whose keys depend on `tasks`; commonTrainShape's fields match CommonTrainParams.
 */
export function trainParamsSchema<S extends z.ZodRawShape>(
  estimatorShape: S,
  options: TrainParamsOptions,
): z.ZodType<TrainParams<z.output<z.ZodObject<S>>>> {
  const common = commonTrainShape(options);
  const clash = Object.keys(estimatorShape).find((key) => key in common);
  if (clash) throw new Error(`Estimator param "${clash}" clashes with a shared train param`);
  return z.object({ ...common, ...estimatorShape }) as unknown as z.ZodType<TrainParams<z.output<z.ZodObject<S>>>>;
}
