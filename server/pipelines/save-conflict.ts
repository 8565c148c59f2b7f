// A save refused because the pipeline moved on and the edits clash: who saved which version and
// when, every clash with both values, and the latest document, so the editor can settle it.
import type { MergeConflict, SaveConflict } from '../../engine/merge-types';

export type { SaveConflict, VersionStamp } from '../../engine/merge-types';

export class SaveConflictError extends Error {
  constructor(readonly conflict: SaveConflict) {
    super(conflictMessage(conflict));
    this.name = 'SaveConflictError';
  }
}

function what(c: MergeConflict): string {
  switch (c.kind) {
    case 'param':
      return `param "${c.param}" of node "${c.nodeId}"`;
    case 'node-field':
      return `the ${c.field} of node "${c.nodeId}"`;
    case 'deleted-edited':
      return `node "${c.nodeId}" (deleted on one side, edited on the other)`;
    case 'added-twice':
      return `node "${c.nodeId}" (added on both sides)`;
    case 'edge':
      return `edge "${c.edgeId}"`;
    case 'edge-to-deleted-node':
      return `edge "${c.edgeId}" (drawn to node "${c.nodeId}", which the other side deleted)`;
    case 'pipeline-field':
      return `the pipeline's ${c.field}`;
  }
}

export function conflictMessage(c: SaveConflict): string {
  const saves = c.since.map((v) => `${v.author} saved v${v.version} at ${new Date(v.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`).join('; ');
  const clashes = c.conflicts.map(what);
  const listed = clashes.length > 3 ? `${clashes.slice(0, 3).join(', ')} and ${clashes.length - 3} more` : clashes.join(', ');
  return `Not saved: the pipeline changed since v${c.baseVersion} (${saves}), and both changed ${listed}. Nothing was overwritten.`;
}
