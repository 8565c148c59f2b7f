// "Fork as code node": a built-in clean step rewritten as an equivalent code/transform, pre-filled
// with JavaScript that does what the node does with its current params, for a scientist to edit.
// Equivalence is tested on sample tables against the node itself, in the real sandbox
// (tests/integration/code-fork.test.ts). Nodes with no meaningful equivalent say why instead.
import type { NodeDefinition } from '../../../engine/node-definition';
import type { ColumnInfo } from '../../values';
import { forkCast, forkRename, forkSelect } from './fork-columns';
import { forkClip, forkDeduplicate, forkFilter, forkMissing } from './fork-rows';

/** Writes the code for params already parsed by the node's schema and checked against `input`. */
type Forker = (params: never, input: readonly ColumnInfo[]) => string;

const FORKERS: Record<string, Forker> = {
  'clean/select-columns': forkSelect,
  'clean/rename-columns': forkRename,
  'clean/cast-columns': forkCast,
  'clean/filter-rows': forkFilter,
  'clean/deduplicate': forkDeduplicate,
  'clean/missing-values': forkMissing,
  'clean/clip-outliers': forkClip,
};

/** Node versions whose forks are written (and tested) against; a newer version is not offered until it is. */
const FORKED_VERSION = 1;

/** Why this node type offers no fork, or null when it does. Shown as the disabled button's tooltip. */
export function forkRefusal(def: Pick<NodeDefinition, 'type' | 'version' | 'category' | 'codeParams'>): string | null {
  if (def.codeParams?.length) return 'This is a code node already: edit its code under Params';
  if (FORKERS[def.type]) return def.version === FORKED_VERSION ? null : `Only version ${FORKED_VERSION} of this node forks as code`;
  switch (def.type) {
    case 'clean/set-roles':
      return 'Roles are part of the table\'s schema, not its values: a code transform sets them in its declared output columns, so there is no code to write';
    case 'clean/validate':
      return 'Its validation report is a second output, and a code transform returns only a table';
  }
  switch (def.category) {
    case 'ingest':
      return 'It reads data from outside the pipeline; code runs in a sandbox with no files or network, on the table it is given';
    case 'split':
      return 'A split has two outputs (train and test); a code transform returns one table';
    case 'train':
    case 'evaluate':
    case 'deploy':
    case 'monitor':
    case 'explore':
      return 'Its output is a model, metrics or a report, not a table; a code transform returns a table';
    default:
      return 'Only clean steps fork as code';
  }
}

export const FORK_TYPE = 'code/transform';
export const FORK_VERSION = 1;

/**
 * The code of the fork. `params` are the node's params parsed by its schema; `input` the columns
 * arriving at it. Throws the node's own UserError when the params do not fit the input.
 */
export function forkCode(type: string, params: unknown, input: readonly ColumnInfo[]): string {
  const forker = FORKERS[type];
  if (!forker) throw new Error(`${type} has no fork`);
  return forker(params as never, input);
}
