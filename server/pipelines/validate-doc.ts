// What `pipeworks validate` (and CI) checks: compile with the datasets and models in the store, then
// the column params against the columns that flow along the edges from the stored datasets, as the
// canvas infers them. Compile alone leaves a wrong column to fail at run time.
import { columnParamIssues } from '../../engine/column-param-issues';
import { parseDocument } from '../../engine/document';
import type { CompileIssue } from '../../engine/plan';
import type { AnyDb } from '../db/any-db';
import { compileWithColumns } from './compile-doc';
import { serverRegistry } from './registry';

export interface Validation {
  valid: boolean;
  /** Errors and warnings, compile's first. */
  issues: CompileIssue[];
  steps: number;
}

export async function validateDocument(db: AnyDb, input: unknown): Promise<Validation> {
  const parsed = parseDocument(input);
  if (!parsed.ok) return { valid: false, issues: parsed.error, steps: 0 };
  const { compiled, columns: known } = await compileWithColumns(db, parsed.value);
  const columns = columnParamIssues(parsed.value, serverRegistry(), known);
  const issues = [...(compiled.ok ? compiled.value.plan.warnings : compiled.error), ...columns];
  const valid = compiled.ok && !columns.some((i) => i.severity === 'error');
  return { valid, issues, steps: compiled.ok ? compiled.value.plan.steps.length : 0 };
}
