// Reads and rewrites one node's params in a raw pipeline document, without touching anything else.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface DocNodeParams {
  type: string;
  version: number;
  params: Record<string, unknown>;
}

export function nodeParams(doc: unknown, nodeId: string): DocNodeParams | null {
  const nodes = isRecord(doc) && Array.isArray(doc.nodes) ? doc.nodes : [];
  const node = nodes.find((n): n is Record<string, unknown> => isRecord(n) && n.id === nodeId);
  if (!node) return null;
  return { type: String(node.type), version: typeof node.version === 'number' ? node.version : 1, params: isRecord(node.params) ? node.params : {} };
}

export function withParams(doc: unknown, nodeId: string, params: Record<string, unknown>): unknown {
  if (!isRecord(doc) || !Array.isArray(doc.nodes)) return doc;
  return { ...doc, nodes: doc.nodes.map((n: unknown) => (isRecord(n) && n.id === nodeId ? { ...n, params } : n)) };
}

/** JSON with sorted keys, so two param objects compare by content, not key order. */
export function stableKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
