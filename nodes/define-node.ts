// Identity helper: lets TypeScript infer a node's params type from its zod schema.
import type { NodeDefinition } from '../engine/node-definition';
import type { PortValue } from './values';

export type PipeworksNode<P> = NodeDefinition<P, PortValue>;

export function defineNode<P>(def: PipeworksNode<P>): PipeworksNode<P> {
  return def;
}
