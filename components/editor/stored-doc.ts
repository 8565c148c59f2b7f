// Reading a stored pipeline document on page open. The server stores only documents that passed
// engine/document.ts (defaults filled in, migrated to the current schema), so the page checks just
// the shape the editor relies on, and does not load the schema library before the canvas draws.
import type { PipelineDoc } from './editor-types';

type Check = { ok: true; doc: PipelineDoc } | { ok: false; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isXY = (v: unknown) => isRecord(v) && typeof v.x === 'number' && typeof v.y === 'number';

export function readStoredDoc(raw: unknown): Check {
  if (!isRecord(raw) || typeof raw.id !== 'string' || typeof raw.name !== 'string' || typeof raw.schemaVersion !== 'number') {
    return { ok: false, problem: 'it is not a pipeline document' };
  }
  if (!Array.isArray(raw.nodes) || !Array.isArray(raw.edges)) return { ok: false, problem: 'it has no nodes or edges list' };
  const badNode = raw.nodes.findIndex(
    (n) => !isRecord(n) || typeof n.id !== 'string' || typeof n.type !== 'string' || typeof n.version !== 'number' || !isRecord(n.params) || !isXY(n.position),
  );
  if (badNode >= 0) return { ok: false, problem: `node #${badNode + 1} is malformed` };
  const badEdge = raw.edges.findIndex((e) => !isRecord(e) || ['id', 'source', 'sourceHandle', 'target', 'targetHandle'].some((k) => typeof e[k] !== 'string'));
  if (badEdge >= 0) return { ok: false, problem: `edge #${badEdge + 1} is malformed` };
  return { ok: true, doc: raw as PipelineDoc };
}
