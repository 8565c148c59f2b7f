// The files an `ingest` call names: paths as given, and patterns with * or ? in the file name
// (quoted, so the shell leaves them, or on a shell that does not expand them), matched in their
// folder and sorted. A pattern that matches nothing is a usage error, never a silent no-op.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './cli-error';

const WILDCARD = /[*?]/;

export async function expandFiles(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    const dir = path.dirname(pattern);
    const name = path.basename(pattern);
    if (!WILDCARD.test(name)) {
      files.push(pattern);
      continue;
    }
    if (WILDCARD.test(dir)) throw new CliError(`${pattern}: only the file name may hold * or ?, not the folder`, 2);
    const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`Cannot read folder ${dir}: ${error.code ?? error.message}`, 2);
    });
    const matched = entries.filter((e) => e.isFile() && matcher.test(e.name)).map((e) => path.join(dir, e.name)).sort();
    if (matched.length === 0) throw new CliError(`${pattern} matches no file`, 2);
    files.push(...matched);
  }
  return [...new Set(files)];
}
