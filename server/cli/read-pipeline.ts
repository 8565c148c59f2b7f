import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';

/** Reads a pipeline file named on the command line; only the local CLI ever reads user-named paths. */
export async function readPipelineFile(file: string | undefined): Promise<string> {
  if (!file) throw new CliError('Name a pipeline file, e.g. pipeworks validate pipeline.json', 2);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 2);
  }
}

export function formatIssue(issue: { severity: string; code: string; message: string; nodeId?: string; edgeId?: string; field?: string }): string {
  const where = [issue.nodeId && `node ${issue.nodeId}`, issue.edgeId && `edge ${issue.edgeId}`, issue.field && `field ${issue.field}`].filter(Boolean).join(', ');
  return `${issue.severity}: [${issue.code}]${where ? ` (${where})` : ''} ${issue.message}`;
}
