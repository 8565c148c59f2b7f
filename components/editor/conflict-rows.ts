// A save conflict in words, one row per clash, for the conflict dialog: what clashed, and their
// value beside ours. Also the full difference between their version and this editor's document,
// for "See the diff".
import type { MergeConflict } from '../../engine/merge-types';
import { sameValue } from '../../engine/merge-values';
import type { PipelineDoc } from './editor-types';

export interface ConflictRow {
  key: string;
  what: string;
  theirs: string;
  mine: string;
  /** A code param's two texts, for a line diff instead of two opaque values. */
  code?: { theirs: string; mine: string };
}

/** A value as a person reads it: text as is, numbers and flags plainly, anything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return JSON.stringify(value);
}

function nodeName(doc: PipelineDoc, nodeId: string): string {
  const label = doc.nodes.find((n) => n.id === nodeId)?.label;
  return label ? `${label} (${nodeId})` : nodeId;
}

export function conflictRow(c: MergeConflict, theirs: PipelineDoc, mine: PipelineDoc): ConflictRow {
  const node = (id: string) => nodeName(mine.nodes.some((n) => n.id === id) ? mine : theirs, id);
  switch (c.kind) {
    case 'param':
      return { key: `p:${c.nodeId}:${c.param}`, what: `${node(c.nodeId)} · ${c.param}`, theirs: showValue(c.theirs), mine: showValue(c.ours) };
    case 'node-field':
      return { key: `f:${c.nodeId}:${c.field}`, what: `${node(c.nodeId)} · ${c.field}`, theirs: showValue(c.theirs), mine: showValue(c.ours) };
    case 'deleted-edited':
      return {
        key: `d:${c.nodeId}`,
        what: node(c.nodeId),
        theirs: c.deletedBy === 'theirs' ? 'deleted' : 'edited',
        mine: c.deletedBy === 'ours' ? 'deleted' : 'edited',
      };
    case 'added-twice':
      return { key: `a:${c.nodeId}`, what: `new node ${c.nodeId}`, theirs: `${c.theirs.type} ${showValue(c.theirs.params)}`, mine: `${c.ours.type} ${showValue(c.ours.params)}` };
    case 'edge':
      return { key: `e:${c.edgeId}`, what: `connection ${c.edgeId}`, theirs: c.theirs ? `${c.theirs.source} → ${c.theirs.target}` : 'removed', mine: c.ours ? `${c.ours.source} → ${c.ours.target}` : 'removed' };
    case 'edge-to-deleted-node':
      return {
        key: `x:${c.edgeId}`,
        what: `connection to ${c.nodeId}`,
        theirs: c.deletedBy === 'theirs' ? `deleted ${c.nodeId}` : 'connected it',
        mine: c.deletedBy === 'ours' ? `deleted ${c.nodeId}` : 'connected it',
      };
    case 'pipeline-field':
      return { key: `g:${c.field}`, what: `pipeline ${c.field}`, theirs: showValue(c.theirs), mine: showValue(c.ours) };
  }
}

/** The params of a node that hold code (its type's codeParams), for showing them as line diffs. */
export type CodeParamsOf = (node: PipelineDoc['nodes'][number]) => readonly string[];

/** codeParamsOf from the node types the editor has, keyed `type@version`. */
export const codeParamsIn =
  (types: ReadonlyMap<string, { codeParams?: readonly string[] }>): CodeParamsOf =>
  (node) =>
    types.get(`${node.type}@${node.version}`)?.codeParams ?? [];

const codeText = (value: unknown) => (typeof value === 'string' ? value : '');

/** Every difference between their version and this document, param by param, node by node. */
export function docDiff(theirs: PipelineDoc, mine: PipelineDoc, codeParamsOf: CodeParamsOf = () => []): ConflictRow[] {
  const rows: ConflictRow[] = [];
  if (theirs.name !== mine.name) rows.push({ key: 'name', what: 'pipeline name', theirs: theirs.name, mine: mine.name });
  const mineById = new Map(mine.nodes.map((n) => [n.id, n]));
  const theirsById = new Map(theirs.nodes.map((n) => [n.id, n]));
  for (const t of theirs.nodes) {
    const m = mineById.get(t.id);
    if (!m) {
      rows.push({ key: `n:${t.id}`, what: nodeName(theirs, t.id), theirs: 'present', mine: 'not there' });
      rows.push(...wholeCode(t, theirs, codeParamsOf, 'theirs'));
      continue;
    }
    for (const param of new Set([...Object.keys(t.params), ...Object.keys(m.params)])) {
      if (!sameValue(t.params[param], m.params[param])) {
        const row: ConflictRow = { key: `p:${t.id}:${param}`, what: `${nodeName(mine, t.id)} · ${param}`, theirs: showValue(t.params[param]), mine: showValue(m.params[param]) };
        // A fork turns a node into a code node: its code is new, and shown as added lines too.
        const isCode = codeParamsOf(t).includes(param) || codeParamsOf(m).includes(param);
        rows.push(isCode ? { ...row, code: { theirs: codeText(t.params[param]), mine: codeText(m.params[param]) } } : row);
      }
    }
    for (const field of ['label', 'type', 'version', 'placement'] as const) {
      if (!sameValue(t[field], m[field])) rows.push({ key: `f:${t.id}:${field}`, what: `${t.id} · ${field}`, theirs: showValue(t[field]), mine: showValue(m[field]) });
    }
  }
  for (const m of mine.nodes) {
    if (theirsById.has(m.id)) continue;
    rows.push({ key: `n:${m.id}`, what: nodeName(mine, m.id), theirs: 'not there', mine: 'present' });
    rows.push(...wholeCode(m, mine, codeParamsOf, 'mine'));
  }
  const edge = (e: PipelineDoc['edges'][number]) => `${e.source}.${e.sourceHandle} → ${e.target}.${e.targetHandle}`;
  const theirEdges = new Set(theirs.edges.map(edge));
  const myEdges = new Set(mine.edges.map(edge));
  for (const e of theirEdges) if (!myEdges.has(e)) rows.push({ key: `e:t:${e}`, what: `connection ${e}`, theirs: 'present', mine: 'not there' });
  for (const e of myEdges) if (!theirEdges.has(e)) rows.push({ key: `e:m:${e}`, what: `connection ${e}`, theirs: 'not there', mine: 'present' });
  return rows;
}

/** A node only one side has: its code, all added (or all removed). */
function wholeCode(node: PipelineDoc['nodes'][number], doc: PipelineDoc, codeParamsOf: CodeParamsOf, side: 'theirs' | 'mine'): ConflictRow[] {
  return codeParamsOf(node)
    .filter((param) => typeof node.params[param] === 'string')
    .map((param) => {
      const text = node.params[param] as string;
      const [theirs, mine] = side === 'theirs' ? [text, ''] : ['', text];
      return { key: `c:${side}:${node.id}:${param}`, what: `${nodeName(doc, node.id)} · ${param}`, theirs: showValue(theirs), mine: showValue(mine), code: { theirs, mine } };
    });
}
