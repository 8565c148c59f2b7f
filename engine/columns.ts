// Column schemas known before running: they flow along edges at compile time so the inspector can
// offer real upstream column names as pickers. Shaped like nodes/values.ts ColumnInfo (engine/ cannot
// import nodes/), so a node's ColumnInfo[] is a ColumnShape[].

export interface ColumnShape {
  name: string;
  /** 'numeric' | 'categorical' | 'boolean' | 'datetime' | 'text' (nodes/values.ts COLUMN_TYPES). */
  type: string;
  /** 'feature' | 'target' | 'id' | 'time' | 'ignore' ... (nodes/values.ts COLUMN_ROLES). */
  role: string;
}

/** Per port: the columns, or null where they are not known before running (or the port is not a table). */
export type PortColumns = Record<string, readonly ColumnShape[] | null>;

/** What the canvas reads for one node. */
export interface NodeColumns {
  inputs: PortColumns;
  outputs: PortColumns;
}

/** nodeId → its ports' columns; returned by pipeline.get and pipeline.compile as `columns`. */
export type DocColumns = Record<string, NodeColumns>;

/**
 * The JSON Schema keyword that marks a param (a string, or an array of strings) as naming columns
 * of an input table. Its value is the input port whose columns the picker offers.
 * Set it in zod with `.meta({ [COLUMN_PARAM_KEY]: 'table' })`.
 */
export const COLUMN_PARAM_KEY = 'x-columns-of';

/**
 * The JSON Schema keyword that marks a param as naming a stored dataset (`'name'`) or one of its
 * versions (`'version'`, `latest` or a hash, of the dataset its sibling `'name'` param names): the
 * inspector draws a picker of the datasets and versions that exist.
 */
export const DATASET_PARAM_KEY = 'x-dataset';

/** What inferring columns needs from outside the document, like SourceKeyEnv for cache keys. */
export interface ColumnsEnv {
  /**
   * The columns of a named dataset: of the version with this hash, or of its latest version when no
   * hash is given. Undefined when the dataset (or that version) is not known.
   */
  datasetColumns?(name: string, hash?: string): readonly ColumnShape[] | undefined;
}

/**
 * DocColumns as pipeline.get and pipeline.compile send it: each distinct column list once, and
 * every node's ports pointing at a list by index (null where unknown). A filter chain passes the
 * same columns along, so a 300-node pipeline's columns shrink from about a megabyte to a few
 * kilobytes.
 */
export interface PackedColumns {
  lists: ColumnShape[][];
  nodes: Record<string, { inputs: Record<string, number | null>; outputs: Record<string, number | null> }>;
}

export function packColumns(columns: DocColumns): PackedColumns {
  const lists: ColumnShape[][] = [];
  const byRef = new Map<readonly ColumnShape[], number>();
  const byKey = new Map<string, number>();
  const indexOf = (list: readonly ColumnShape[] | null): number | null => {
    if (!list) return null;
    const seen = byRef.get(list);
    if (seen !== undefined) return seen;
    const key = JSON.stringify(list.map((c) => [c.name, c.type, c.role]));
    let index = byKey.get(key);
    if (index === undefined) {
      index = lists.push(list.map(({ name, type, role }) => ({ name, type, role }))) - 1;
      byKey.set(key, index);
    }
    byRef.set(list, index);
    return index;
  };
  const packPorts = (ports: PortColumns) => Object.fromEntries(Object.entries(ports).map(([port, list]) => [port, indexOf(list)]));
  const nodes: PackedColumns['nodes'] = {};
  for (const [id, node] of Object.entries(columns)) nodes[id] = { inputs: packPorts(node.inputs), outputs: packPorts(node.outputs) };
  return { lists, nodes };
}

export function unpackColumns(packed: PackedColumns): DocColumns {
  const listAt = (i: number | null) => (i === null ? null : (packed.lists[i] ?? null));
  const unpackPorts = (ports: Record<string, number | null>): PortColumns => Object.fromEntries(Object.entries(ports).map(([port, i]) => [port, listAt(i)]));
  const columns: DocColumns = {};
  for (const [id, node] of Object.entries(packed.nodes)) columns[id] = { inputs: unpackPorts(node.inputs), outputs: unpackPorts(node.outputs) };
  return columns;
}
