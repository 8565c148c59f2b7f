// Runs user code through the run context's sandbox, passing its console output on as step logs
// and turning every way it can fail into a UserError the node shows, in the code author's terms.
import { SandboxError, type CodeLanguage, type SandboxFailure, type SandboxLimits, type SandboxValue } from '../../engine/code-sandbox';
import { assertNever } from '../../engine/assert-never';
import { UserError } from '../../engine/errors';
import type { NodeRunContext } from '../../engine/node-definition';

export async function runCode(
  ctx: NodeRunContext,
  code: { code: string; language: CodeLanguage },
  args: SandboxValue[],
  limits: Partial<SandboxLimits>,
): Promise<SandboxValue> {
  if (!ctx.sandbox) throw new UserError('This runner has no code sandbox; code nodes run on the server (set the node\'s placement to server)');
  try {
    const result = await ctx.sandbox.run({ code: code.code, language: code.language, args, limits }, ctx.signal);
    for (const line of result.logs) ctx.log('info', line);
    ctx.log('debug', `Code ran in ${result.wallMs.toFixed(1)} ms (${result.cpuMs.toFixed(1)} ms CPU) in ${ctx.sandbox.description}`);
    return result.value;
  } catch (error) {
    if (!(error instanceof SandboxError)) throw error;
    for (const line of error.logs) ctx.log('info', line);
    if (error.failure === 'cancelled') throw new Error('Cancelled');
    throw new UserError(`${heading(error.failure)}: ${error.message}`);
  }
}

function heading(failure: SandboxFailure): string {
  switch (failure) {
    case 'syntax_error':
      return 'The code does not parse';
    case 'not_a_function':
      return 'The code is not a function';
    case 'threw':
      return 'The code threw an error';
    case 'timeout':
      return 'The code took too long';
    case 'cpu_limit':
      return 'The code used too much CPU time';
    case 'memory_limit':
      return 'The code used too much memory';
    case 'output_too_large':
      return 'The code returned too much data';
    case 'invalid_output':
      return 'The code returned something that is not a table';
    case 'cancelled':
      return 'Cancelled';
    case 'crashed':
      return 'The code sandbox failed';
    default:
      return assertNever(failure, 'sandbox failure');
  }
}
