// Installation-wide settings: everyone signed in may read them (the plan preview depends on
// them); only admins change them, and each change is audited.
import { z } from 'zod';
import { readInstanceSettings, writeInstanceSettings } from '../../settings/instance-settings';
import { createTRPCRouter, permitted } from '../trpc';

export const settingsRouter = createTRPCRouter({
  get: permitted('pipeline.read').query(({ ctx }) => readInstanceSettings(ctx.anyDb)),

  save: permitted('settings.manage')
    .input(z.object({ upgradesCacheCompatible: z.boolean() }).strict())
    .mutation(async ({ ctx, input }) => {
      await writeInstanceSettings(ctx.anyDb, input, ctx.user.id);
      return readInstanceSettings(ctx.anyDb);
    }),
});
