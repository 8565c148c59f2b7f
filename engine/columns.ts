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

/** What inferring columns needs from outside the document, like SourceKeyEnv for cache keys. */
export interface ColumnsEnv {
  /**
   * The columns of a named dataset: of the version with this hash, or of its latest version when no
   * hash is given. Undefined when the dataset (or that version) is not known.
   */
  datasetColumns?(name: string, hash?: string): readonly ColumnShape[] | undefined;
}
