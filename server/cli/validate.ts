import { parseArgs } from 'node:util';
import { getDb } from '../db/client';
import { validateDocument } from '../pipelines/validate-doc';
import { formatIssue, readPipelineFile } from './read-pipeline';

export async function cmdValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const { valid, issues, steps } = await validateDocument(getDb().anyDb, await readPipelineFile(positionals[0]));
  if (values.json) {
    console.log(JSON.stringify({ valid, issues, steps }, null, 2));
  } else {
    for (const issue of issues) console.log(formatIssue(issue));
    console.log(valid ? `valid: ${steps} steps` : `invalid: ${issues.filter((i) => i.severity === 'error').length} error(s)`);
  }
  return valid ? 0 : 2;
}
