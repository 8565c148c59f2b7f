// The capability that runs user code: a node that carries code asks its run context for it, so
// nodes/ never knows how (or where) the sandbox runs. Only plain data crosses, copied both ways.

/** One column as user code sees it: numbers and datetimes as Float64Array (NaN = missing), the rest as arrays. */
export type CodeColumn = Float64Array | (string | null)[] | (boolean | null)[];

/** What may come back from user code: plain data only, checked by the host after the copy. */
export type SandboxValue =
  | null
  | number
  | string
  | boolean
  | Float64Array
  | SandboxValue[]
  | { [key: string]: SandboxValue };

export interface SandboxLimits {
  /** Wall-clock time for the user code, from the moment it starts. */
  wallMs: number;
  /** CPU time the isolate may use. */
  cpuMs: number;
  /** The isolate's heap, ArrayBuffers included. */
  memoryMb: number;
  /** Bytes of the returned value (8 a number in a typed array, 2 a character, 16 anything else). */
  outputBytes: number;
  /** Characters of console output kept; more is cut with a note. */
  logChars: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  wallMs: 10_000,
  cpuMs: 10_000,
  memoryMb: 512,
  outputBytes: 256 * 1024 * 1024,
  logChars: 20_000,
};

/** What the code is written in. TypeScript has its types stripped inside the sandbox (nodes/code/strip-types.mjs), lines kept. */
export const CODE_LANGUAGES = ['javascript', 'typescript'] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** What a request may ask for at most; a node's own limits are clamped to these (in both sandboxes). */
export const MAX_SANDBOX_LIMITS: SandboxLimits = {
  wallMs: 10 * 60_000,
  cpuMs: 10 * 60_000,
  memoryMb: 2048,
  outputBytes: 1024 * 1024 * 1024,
  logChars: 200_000,
};

export function sandboxLimits(asked: Partial<SandboxLimits> = {}): SandboxLimits {
  const limits = { ...DEFAULT_SANDBOX_LIMITS };
  for (const key of Object.keys(limits) as (keyof SandboxLimits)[]) {
    const value = asked[key];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) limits[key] = Math.min(value, MAX_SANDBOX_LIMITS[key]);
  }
  return limits;
}

export interface SandboxRequest {
  /** A function expression, e.g. `(cols, schema) => cols`, in `language`. */
  code: string;
  /** JavaScript when left out. */
  language?: CodeLanguage;
  /** The arguments the function is called with, copied into the sandbox in order. */
  args: readonly SandboxValue[];
  limits?: Partial<SandboxLimits>;
}

export interface SandboxResult {
  value: SandboxValue;
  logs: string[];
  cpuMs: number;
  wallMs: number;
}

/** Why user code did not give a result; the message is for the person who wrote the code. */
export const SANDBOX_FAILURES = [
  'syntax_error',
  'not_a_function',
  'threw',
  'timeout',
  'cpu_limit',
  'memory_limit',
  'output_too_large',
  'invalid_output',
  'cancelled',
  'crashed',
] as const;
export type SandboxFailure = (typeof SANDBOX_FAILURES)[number];

export class SandboxError extends Error {
  constructor(
    readonly failure: SandboxFailure,
    message: string,
    readonly logs: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

export interface CodeSandbox {
  /** Where the code runs, for logs: e.g. 'isolated-vm in a child process'. */
  readonly description: string;
  run(request: SandboxRequest, signal?: AbortSignal): Promise<SandboxResult>;
}
