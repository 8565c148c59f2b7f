// What a dataset may be called: the same bounds the ingest/dataset node's `name` param accepts.
import { z } from 'zod';

export const datasetNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the dataset a name')
  .max(100, 'A dataset name has at most 100 characters')
  .regex(/^[^\p{Cc}]+$/u, 'A dataset name cannot contain control characters');
