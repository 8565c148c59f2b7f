// Aliases: four with a meaning everyone shares, plus free-form ones a team invents.
import { z } from 'zod';

export const STANDARD_ALIASES = ['champion', 'challenger', 'staging', 'production'] as const;
export type StandardAlias = (typeof STANDARD_ALIASES)[number];

/** The alias whose moves a project can make wait for approval. */
export const GUARDED_ALIAS: StandardAlias = 'production';

export const aliasSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'Give the alias a name')
  .max(40, 'An alias has at most 40 characters')
  .regex(/^[a-z][a-z0-9_-]*$/, 'An alias starts with a letter and uses lower-case letters, digits, "_" and "-"')
  // "latest" and "v3" already mean a version; an alias of that name would be ambiguous.
  .refine((alias) => alias !== 'latest' && !/^v\d+$/.test(alias), {
    error: (issue) => `"${String(issue.input)}" is reserved: it already names a version`,
  });
