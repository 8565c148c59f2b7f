// The drift simulator for the demo (issue 16): sends card-fraud traffic with a chosen drift to an
// endpoint through the serving process, labels after a delay. Changes traffic, so `deploy.manage`.
import { z } from 'zod';
import { simulationSchema } from '../../simulator/simulate';
import { simulateEndpoint } from '../../simulator/simulate-endpoint';
import { createTRPCRouter, permitted } from '../trpc';

export const simulatorRouter = createTRPCRouter({
  run: permitted('deploy.manage')
    .input(simulationSchema.extend({ endpointId: z.string().min(1).max(64) }).strict())
    .mutation(({ ctx, input }) => {
      const { endpointId, ...simulation } = input;
      return simulateEndpoint(ctx.anyDb, endpointId, simulation, ctx.user.id);
    }),
});
