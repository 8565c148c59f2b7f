// Parse + compile for the server: untrusted JSON in, a Plan or every issue out. What a document
// names (datasets, registered models) and the instance settings are read from the database first
// (compile-sources.ts), so engine/compile stays pure and synchronous on either database.
import { inferColumns } from '../../engine/column-flow';
import type { DocColumns } from '../../engine/columns';
import { compile, compileForRunUpTo } from '../../engine/compile';
import { parseDocument, type PipelineDoc } from '../../engine/document';
import { subgraphUpTo } from '../../engine/graph';
import type { CompileIssue, Plan } from '../../engine/plan';
import type { PlacementEnv } from '../../engine/placement';
import { DocumentIssuesError, UserError } from '../../engine/errors';
import { err, type Result } from '../../engine/result';
import type { AnyDb } from '../db/any-db';
import { modelIssues, modelSourceEnv } from '../registry/model-sources';
import { CompileSources } from './compile-sources';
import { datasetColumnsEnv, datasetIssues, datasetSourceEnv } from './dataset-sources';
import { getVersion } from './versions';
import { serverRegistry } from './registry';

export type Compiled = Result<{ doc: PipelineDoc; plan: Plan }, CompileIssue[]>;

export async function parseAndCompile(db: AnyDb, input: unknown, upTo?: string): Promise<Compiled> {
  const parsed = parseDocument(input);
  if (!parsed.ok) return parsed;
  return compileDoc(db, parsed.value, upTo);
}

export function compileDoc(db: AnyDb, doc: PipelineDoc, upTo?: string, placement: PlacementEnv = {}, pins?: ReadonlyMap<string, string>): Promise<Compiled> {
  return onSources(db, doc, pins, (sources) => compileOn(sources, doc, upTo, placement));
}

/** Every node's input and output columns known before running, for the inspector's column pickers. */
export function docColumns(db: AnyDb, doc: PipelineDoc): Promise<DocColumns> {
  return onSources(db, doc, undefined, (sources) => columnsOn(sources, doc));
}

/** compileDoc and docColumns on one read of the database: what the canvas and `validate` want. */
export function compileWithColumns(db: AnyDb, doc: PipelineDoc, upTo?: string): Promise<{ compiled: Compiled; columns: DocColumns }> {
  return onSources(db, doc, undefined, (sources) => ({ compiled: compileOn(sources, doc, upTo), columns: columnsOn(sources, doc) }));
}

/**
 * Runs `use` (sync, on the prefetched sources) until it asked for nothing the prefetch had not read:
 * whatever it missed is read and it runs again. The prefetch foresees what the nodes ask, so a
 * second round means a node reads the database in a way compile-sources.ts does not yet know.
 */
async function onSources<T>(db: AnyDb, doc: PipelineDoc, pins: ReadonlyMap<string, string> | undefined, use: (sources: CompileSources) => T): Promise<T> {
  const sources = await CompileSources.prefetch(db, doc, serverRegistry(), pins);
  for (;;) {
    const out = use(sources);
    if (!(await sources.fetchMissed())) return out;
  }
}

function compileOn(sources: CompileSources, doc: PipelineDoc, upTo?: string, placement: PlacementEnv = {}): Compiled {
  if (upTo && !doc.nodes.some((n) => n.id === upTo)) {
    return err([{ severity: 'error', code: 'invalid_document', nodeId: upTo, message: `There is no node "${upTo}" to run up to` }]);
  }
  const registry = serverRegistry();
  const env = { ...datasetSourceEnv(sources), ...modelSourceEnv(sources), ...placement, upgradesCacheCompatible: sources.upgradesCacheCompatible };
  const result = upTo ? compileForRunUpTo(doc, registry, upTo, env) : compile(doc, registry, env);
  const scope = upTo ? subgraphUpTo(doc, upTo) : doc;
  const missing = [...datasetIssues(sources, scope, registry, env), ...modelIssues(sources, scope, registry, env)];
  if (missing.length > 0) {
    const others = result.ok ? result.value.warnings : result.error;
    return err([...missing, ...others]);
  }
  return result.ok ? { ok: true, value: { doc, plan: result.value } } : result;
}

function columnsOn(sources: CompileSources, doc: PipelineDoc): DocColumns {
  return inferColumns(doc, serverRegistry(), datasetColumnsEnv(sources));
}

/** A saved pipeline version compiled for running (or previewing a run); every problem is thrown as a UserError. */
export async function compileStoredVersion(db: AnyDb, pipelineId: string, version?: number, upTo?: string, placement: PlacementEnv = {}, pins?: ReadonlyMap<string, string>) {
  const stored = await getVersion(db, pipelineId, version);
  if (!stored) throw new UserError(`Pipeline "${pipelineId}"${version ? ` version ${version}` : ''} does not exist`);
  const parsed = parseDocument(stored.doc);
  if (!parsed.ok) throw new DocumentIssuesError('The saved pipeline is not valid', parsed.error);
  const compiled = await compileDoc(db, parsed.value, upTo, placement, pins);
  if (!compiled.ok) {
    const errors = compiled.error.filter((i) => i.severity === 'error');
    throw new DocumentIssuesError(`The pipeline has ${errors.length} problem${errors.length === 1 ? '' : 's'}; fix them before running`, compiled.error);
  }
  return { stored, plan: compiled.value.plan };
}
