// What an endpoint may be called: it appears in serving URLs (/v2/models/{name}/infer,
// /endpoints/{name}/invocations), so lower-case letters, digits and inner dashes only.
import { z } from 'zod';

export const ENDPOINT_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export const endpointNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the endpoint a name')
  .max(63, 'An endpoint name has at most 63 characters')
  .regex(ENDPOINT_NAME_PATTERN, 'An endpoint name uses lower-case letters, digits and dashes, and starts and ends with a letter or digit');
