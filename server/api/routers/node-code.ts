// pipeline.nodeSource and pipeline.forkAsCode: reading a built-in node's source (every role that
// reads pipelines: viewers read code too) and forking it as a code node (code.write only, like
// any code edit). Spread into pipeline.ts's router like templates.ts.
import { z } from 'zod';
import { forkAsCode } from '../../pipelines/fork-as-code';
import { nodeSource } from '../../pipelines/node-source';
import { permitted } from '../trpc';

export const nodeCodeProcedures = {
  /** The files a built-in node's implementation hash covers, the node module first. */
  nodeSource: permitted('pipeline.read')
    .input(z.object({ type: z.string().min(1).max(200), version: z.number().int().positive() }))
    .query(({ input }) => nodeSource(input.type, input.version)),

  /** The code/transform that does what this node of the (unsaved) document does; the editor puts it in its place. */
  forkAsCode: permitted('code.write')
    .input(z.object({ doc: z.unknown(), nodeId: z.string().min(1).max(64) }))
    .mutation(({ ctx, input }) => forkAsCode(ctx.anyDb, input)),
};
