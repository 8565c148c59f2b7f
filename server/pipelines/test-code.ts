// "Test on preview rows": runs a code node's (possibly unsaved) code in the server sandbox on the
// first rows of the table that feeds it, as the last run left that table in the artifact store,
// and returns the output's columns (the schema to declare), its first rows and the console output.
// The node's own code (conversions, checks) runs here; the user's code only in the sandbox.
import { SandboxError } from '../../engine/code-sandbox';
import { parseDocument } from '../../engine/document';
import { NodeRunError, UserError } from '../../engine/errors';
import type { LogLevel, NodeRunContext } from '../../engine/node-definition';
import { readColumn } from '../../nodes/table/read-column';
import { takeRows } from '../../nodes/table/take-rows';
import type { CellValue } from '../../nodes/table/table-from-columns';
import type { ColumnInfo, PortValue } from '../../nodes/values';
import type { AnyDb } from '../db/any-db';
import { lookupCachedStep } from '../runners/run-store';
import { serverSandbox } from '../sandbox/server-sandbox';
import { decodedArtifact } from '../store/decoded-artifacts';
import { consumerFor } from '../trust/cache-scope';
import { compileDoc } from './compile-doc';
import { serverRegistry } from './registry';

export interface TestCodeInput {
  doc: unknown;
  nodeId: string;
  /** How many rows of the input to run on (at most 1,000). */
  rows: number;
}

export interface TestCodeResult {
  ok: boolean;
  /** Present when the code ran and its output is a table. */
  columns: ColumnInfo[] | null;
  inputRows: number;
  outputRows: number;
  /** The first rows of the output, at most 20, cells as plain values. */
  preview: Record<string, CellValue>[];
  logs: { level: LogLevel; message: string }[];
  error: string | null;
}

const PREVIEW_ROWS = 20;

export async function testCode(db: AnyDb, dataDir: string, userId: string, input: TestCodeInput): Promise<TestCodeResult> {
  const parsed = parseDocument(input.doc);
  if (!parsed.ok) throw new UserError(`The pipeline document is not valid: ${parsed.error[0]?.message ?? 'unknown problem'}`);
  const node = parsed.value.nodes.find((n) => n.id === input.nodeId);
  if (!node) throw new UserError(`There is no node "${input.nodeId}" in this pipeline`, { nodeId: input.nodeId });
  const def = serverRegistry().get(node.type, node.version);
  if (!def?.codeParams?.length) throw new UserError(`Node "${input.nodeId}" (${node.type}) carries no code to test`, { nodeId: input.nodeId });
  const compiled = await compileDoc(db, parsed.value, input.nodeId);
  if (!compiled.ok) {
    const issue = compiled.error.find((i) => i.severity === 'error') ?? compiled.error[0];
    throw new UserError(`The pipeline does not compile up to "${input.nodeId}": ${issue?.message ?? 'unknown problem'}`, { nodeId: issue?.nodeId });
  }
  const { plan } = compiled.value;
  const step = plan.steps.find((s) => s.id === input.nodeId)!;
  const inputs: Record<string, PortValue> = {};
  const consumer = await consumerFor(db, userId, parsed.value.id);
  for (const [port, from] of Object.entries(step.inputs)) {
    const upstream = plan.steps.find((s) => s.id === from.fromStep)!;
    const found = await lookupCachedStep(db, dataDir, upstream, undefined, consumer);
    const ref = found.status === 'hit' ? found.outputs[from.output] : undefined;
    if (!ref) {
      throw new UserError(`There are no rows to test on yet: run the pipeline up to "${upstream.label ?? upstream.id}" first ("Run up to here"), then test again`, { nodeId: upstream.id });
    }
    const value = await decodedArtifact(dataDir, ref.id, ref.kind);
    inputs[port] = value.kind === 'table' ? { ...value, table: takeRows(value.table, firstRows(value.table.numRows, input.rows)) } : value;
  }
  const logs: TestCodeResult['logs'] = [];
  const ctx = testContext(logs);
  const inputRows = Object.values(inputs).find((v) => v.kind === 'table')?.table.numRows ?? 0;
  try {
    const produced = await def.run({ inputs, params: step.params, ctx });
    const out = Object.values(produced).find((v): v is Extract<PortValue, { kind: 'table' }> => (v as PortValue).kind === 'table');
    if (!out) return { ok: true, columns: null, inputRows, outputRows: 0, preview: [], logs, error: null };
    const shown = takeRows(out.table, firstRows(out.table.numRows, PREVIEW_ROWS));
    const cells = Object.fromEntries(out.columns.map((c) => [c.name, readColumn(shown, c.name)]));
    const preview = Array.from({ length: shown.numRows }, (_, i) => Object.fromEntries(out.columns.map((c) => [c.name, cells[c.name][i]])));
    return { ok: true, columns: out.columns, inputRows, outputRows: out.table.numRows, preview, logs, error: null };
  } catch (error) {
    if (error instanceof UserError || error instanceof NodeRunError || error instanceof SandboxError) {
      return { ok: false, columns: null, inputRows, outputRows: 0, preview: [], logs, error: error.message };
    }
    throw error;
  }
}

function firstRows(available: number, wanted: number): number[] {
  return Array.from({ length: Math.min(available, wanted) }, (_, i) => i);
}

function testContext(logs: TestCodeResult['logs']): NodeRunContext {
  const none = async () => {
    throw new UserError('A code test reads only the rows it is given');
  };
  return {
    signal: AbortSignal.timeout(120_000),
    runtime: 'server',
    log: (level, message) => void logs.push({ level, message }),
    progress: () => {},
    readBundled: none,
    readArtifact: none,
    ml: { backends: ['cpu'] },
    reportBackend: () => {},
    sandbox: serverSandbox(),
  };
}
