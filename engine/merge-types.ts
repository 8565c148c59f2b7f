// What a three-way merge of pipeline documents reports: each conflict names the node, edge, param
// or field, with the value on each side, so the editor can show both side by side.
import type { EdgeInstance, NodeInstance, PipelineDoc } from './document';

/** "theirs" is the version saved meanwhile by someone else; "ours" is the document being saved. */
export type MergeSide = 'theirs' | 'ours';

export const NODE_FIELDS = ['type', 'version', 'label', 'placement'] as const;
export type NodeField = (typeof NODE_FIELDS)[number];

export const PIPELINE_FIELDS = ['name', 'description', 'settings', 'triggers'] as const;
export type PipelineField = (typeof PIPELINE_FIELDS)[number];

export type MergeConflict =
  | { kind: 'param'; nodeId: string; param: string; base: unknown; theirs: unknown; ours: unknown }
  | { kind: 'node-field'; nodeId: string; field: NodeField; base: unknown; theirs: unknown; ours: unknown }
  | { kind: 'deleted-edited'; nodeId: string; deletedBy: MergeSide; edited: NodeInstance }
  | { kind: 'added-twice'; nodeId: string; theirs: NodeInstance; ours: NodeInstance }
  | { kind: 'edge'; edgeId: string; base: EdgeInstance | null; theirs: EdgeInstance | null; ours: EdgeInstance | null }
  | { kind: 'edge-to-deleted-node'; edgeId: string; nodeId: string; deletedBy: MergeSide }
  | { kind: 'pipeline-field'; field: PipelineField; base: unknown; theirs: unknown; ours: unknown };

export type MergeConflictKind = MergeConflict['kind'];

/**
 * Always a whole document: where there are conflicts, each is settled toward the side asked for,
 * so "keep mine" and "take theirs" are the same merge with a different preference.
 */
export interface MergeResult {
  doc: PipelineDoc;
  conflicts: MergeConflict[];
}

/** Who saved a version and when: what a refused or merged save tells the person saving. */
export interface VersionStamp {
  version: number;
  /** A person's name, or how Pipeworks names itself ("Pipeworks (pipeworks run)"). */
  author: string;
  authorId: string | null;
  createdAt: number;
}

/** Why a save was refused: the data of the CONFLICT error that pipeline.save answers with. */
export interface SaveConflict {
  pipelineId: string;
  /** The version the refused save started from. */
  baseVersion: number;
  /** Every version saved since the base, newest last. */
  since: VersionStamp[];
  conflicts: MergeConflict[];
  /** The latest saved document ("theirs"). */
  theirs: PipelineDoc;
}
