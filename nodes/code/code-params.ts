// The params every code node shares: the code itself, its limits, and how its hash is taken.
import { z } from 'zod';
import { CODE_LANGUAGES, type SandboxLimits } from '../../engine/code-sandbox';
import { sha256Hex } from '../../engine/hash';
import { COLUMN_ROLES, COLUMN_TYPES } from '../values';

/** JSON Schema keyword marking a param as code: the inspector draws a code editor for it. */
export const CODE_PARAM_KEY = 'x-code';

export const codeParam = (example: string, what: string) =>
  z
    .string()
    .min(1)
    .max(200_000)
    .default(example)
    .describe(`${what} A JavaScript (or, with language typescript, TypeScript) function expression; it runs in a sandbox with no network, files or timers.`)
    .meta({ [CODE_PARAM_KEY]: 'javascript' });

/** TypeScript is type-stripped inside the sandbox; the TypeScript text is what is hashed and versioned. */
export const languageParam = z
  .enum(CODE_LANGUAGES)
  .default('javascript')
  .describe('What the code is written in: javascript, or typescript (its types are stripped in the sandbox before it runs; they are not checked)');

export const limitParams = {
  timeLimitSeconds: z.number().min(0.1).max(600).default(10).describe('Wall-clock (and CPU) time the code may take before it is stopped'),
  memoryLimitMb: z.number().int().min(16).max(2048).default(512).describe('Memory the code may use, its input columns included'),
};

export const outputColumnsParam = z
  .array(z.object({ name: z.string().min(1), type: z.enum(COLUMN_TYPES), role: z.enum(COLUMN_ROLES) }).strict())
  .optional()
  .describe('The columns the code returns, in order. "Test on preview rows" fills this in; when set, each run is checked against it and the columns flow to the nodes downstream');

export function limitsOf(p: { timeLimitSeconds: number; memoryLimitMb: number }): Partial<SandboxLimits> {
  return { wallMs: p.timeLimitSeconds * 1000, cpuMs: p.timeLimitSeconds * 1000, memoryMb: p.memoryLimitMb };
}

/** The code's identity in cache keys and lineage: sha256 of its exact text. */
export const codeSha256 = (code: string) => `sha256:${sha256Hex(code)}`;
