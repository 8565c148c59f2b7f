// What a registered model may be called: one rule for the registry, its API and the train nodes'
// `register` param. URL-safe, since endpoints and links name models.
import { z } from 'zod';

export const MODEL_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export const modelNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the model a name')
  .max(100, 'A model name has at most 100 characters')
  .regex(MODEL_NAME_PATTERN, 'A model name uses letters, digits, ".", "_" and "-" only, and starts with a letter or digit');
