// Parse + compile for the server: untrusted JSON in, a Plan or every issue out. Datasets are
// looked up in the database here, so engine/compile stays pure.
import { compile, compileForRunUpTo } from '../../engine/compile';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { subgraphUpTo } from '../../engine/graph';
import type { CompileIssue, Plan } from '../../engine/plan';
import { err, type Result } from '../../engine/result';
import type { Db } from '../db/client';
import { datasetIssues, datasetSourceEnv } from './dataset-sources';
import { serverRegistry } from './registry';

export function parseAndCompile(db: Db, input: unknown, upTo?: string): Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]> {
  const parsed = parseDocument(input);
  if (!parsed.ok) return parsed;
  return compileDoc(db, parsed.value, upTo);
}

export function compileDoc(db: Db, doc: PipelineDoc, upTo?: string): Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]> {
  if (upTo && !doc.nodes.some((n) => n.id === upTo)) {
    return err([{ severity: 'error', code: 'invalid_document', nodeId: upTo, message: `There is no node "${upTo}" to run up to` }]);
  }
  const registry = serverRegistry();
  const env = datasetSourceEnv(db);
  const result = upTo ? compileForRunUpTo(doc, registry, upTo, env) : compile(doc, registry, env);
  const missing = datasetIssues(db, upTo ? subgraphUpTo(doc, upTo) : doc, registry, env);
  if (missing.length > 0) {
    const others = result.ok ? result.value.warnings : result.error;
    return err([...missing, ...others]);
  }
  return result.ok ? { ok: true, value: { doc, plan: result.value } } : result;
}
