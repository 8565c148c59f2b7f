import { parseArgs } from 'node:util';
import { getDb } from '../db/client';
import { parseAndCompile } from '../pipelines/compile-doc';
import { formatIssue, readPipelineFile } from './read-pipeline';

export async function cmdValidate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true });
  const result = parseAndCompile(getDb().db, await readPipelineFile(positionals[0]));
  const issues = result.ok ? result.value.plan.warnings : result.error;
  if (values.json) {
    console.log(JSON.stringify({ valid: result.ok, issues, steps: result.ok ? result.value.plan.steps.length : 0 }, null, 2));
  } else {
    for (const issue of issues) console.log(formatIssue(issue));
    console.log(result.ok ? `valid: ${result.value.plan.steps.length} steps` : `invalid: ${issues.filter((i) => i.severity === 'error').length} error(s)`);
  }
  return result.ok ? 0 : 2;
}
