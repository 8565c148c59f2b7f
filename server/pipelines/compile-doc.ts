// Parse + compile for the server: untrusted JSON in, a Plan or every issue out.
import { compile, compileForRunUpTo } from '../../engine/compile';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import type { CompileIssue, Plan } from '../../engine/plan';
import { err, type Result } from '../../engine/result';
import { serverRegistry } from './registry';

export function parseAndCompile(input: unknown, upTo?: string): Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]> {
  const parsed = parseDocument(input);
  if (!parsed.ok) return parsed;
  return compileDoc(parsed.value, upTo);
}

export function compileDoc(doc: PipelineDoc, upTo?: string): Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]> {
  if (upTo && !doc.nodes.some((n) => n.id === upTo)) {
    return err([{ severity: 'error', code: 'invalid_document', nodeId: upTo, message: `There is no node "${upTo}" to run up to` }]);
  }
  const result = upTo ? compileForRunUpTo(doc, serverRegistry(), upTo) : compile(doc, serverRegistry());
  return result.ok ? { ok: true, value: { doc, plan: result.value } } : result;
}
