// Parse + compile for the server: untrusted JSON in, a Plan or every issue out. Datasets are
// looked up in the database here, so engine/compile stays pure.
import { and, desc, eq } from 'drizzle-orm';
import { inferColumns } from '../../engine/column-flow';
import type { DocColumns } from '../../engine/columns';
import { compile, compileForRunUpTo } from '../../engine/compile';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { subgraphUpTo } from '../../engine/graph';
import type { CompileIssue, Plan } from '../../engine/plan';
import type { PlacementEnv } from '../../engine/placement';
import { DocumentIssuesError, UserError } from '../../engine/errors';
import { err, type Result } from '../../engine/result';
import type { Db } from '../db/client';
import { pipelineVersions } from '../db/schema';
import { datasetColumnsEnv } from '../datasets/dataset-columns';
import { modelIssues, modelSourceEnv } from '../registry/model-sources';
import { datasetIssues, datasetSourceEnv } from './dataset-sources';
import { readInstanceSettings } from '../settings/instance-settings';
import { serverRegistry } from './registry';

export function parseAndCompile(db: Db, input: unknown, upTo?: string): Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]> {
  const parsed = parseDocument(input);
  if (!parsed.ok) return parsed;
  return compileDoc(db, parsed.value, upTo);
}

export function compileDoc(db: Db, doc: PipelineDoc, upTo?: string, placement: PlacementEnv = {}, pins?: ReadonlyMap<string, string>): Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]> {
  if (upTo && !doc.nodes.some((n) => n.id === upTo)) {
    return err([{ severity: 'error', code: 'invalid_document', nodeId: upTo, message: `There is no node "${upTo}" to run up to` }]);
  }
  const registry = serverRegistry();
  const env = { ...datasetSourceEnv(db, pins), ...modelSourceEnv(db, doc.id), ...placement, upgradesCacheCompatible: readInstanceSettings(db).upgradesCacheCompatible };
  const result = upTo ? compileForRunUpTo(doc, registry, upTo, env) : compile(doc, registry, env);
  const scope = upTo ? subgraphUpTo(doc, upTo) : doc;
  const missing = [...datasetIssues(db, scope, registry, env), ...modelIssues(db, scope, registry, env)];
  if (missing.length > 0) {
    const others = result.ok ? result.value.warnings : result.error;
    return err([...missing, ...others]);
  }
  return result.ok ? { ok: true, value: { doc, plan: result.value } } : result;
}

/** Every node's input and output columns known before running, for the inspector's column pickers. */
export function docColumns(db: Db, doc: PipelineDoc): DocColumns {
  return inferColumns(doc, serverRegistry(), datasetColumnsEnv(db));
}

// pg: runs. startRun inserts and claims its run with the runs store's sync functions in the same
// call, so this read stays sync (versions.ts's getVersion, on the legacy handle) until they convert.
function storedVersionSync(db: Db, pipelineId: string, version?: number) {
  const where = version ? and(eq(pipelineVersions.pipelineId, pipelineId), eq(pipelineVersions.version, version)) : eq(pipelineVersions.pipelineId, pipelineId);
  return db.select().from(pipelineVersions).where(where).orderBy(desc(pipelineVersions.version)).get();
}

/** A saved pipeline version compiled for running (or previewing a run); every problem is thrown as a UserError. */
export function compileStoredVersion(db: Db, pipelineId: string, version?: number, upTo?: string, placement: PlacementEnv = {}, pins?: ReadonlyMap<string, string>) {
  const stored = storedVersionSync(db, pipelineId, version);
  if (!stored) throw new UserError(`Pipeline "${pipelineId}"${version ? ` version ${version}` : ''} does not exist`);
  const parsed = parseDocument(stored.doc);
  if (!parsed.ok) throw new DocumentIssuesError('The saved pipeline is not valid', parsed.error);
  const compiled = compileDoc(db, parsed.value, upTo, placement, pins);
  if (!compiled.ok) {
    const errors = compiled.error.filter((i) => i.severity === 'error');
    throw new DocumentIssuesError(`The pipeline has ${errors.length} problem${errors.length === 1 ? '' : 's'}; fix them before running`, compiled.error);
  }
  return { stored, plan: compiled.value.plan };
}
