// pipeline.templates and pipeline.create: the gallery and new pipelines, blank or from a template.
// A record of procedures rather than a router, because they belong under `pipeline.` with the rest
// of the pipeline verbs; pipeline.ts spreads it into its router.
import { z } from 'zod';
import { createPipeline } from '../../pipelines/templates/create-pipeline';
import { TEMPLATE_IDS, templateInfos } from '../../pipelines/templates/catalogue';
import { permitted } from '../trpc';

const createInput = z.object({
  projectId: z.string().min(1).max(64),
  name: z.string().trim().min(1, 'Give the pipeline a name').max(200, 'Keep the name under 200 characters'),
  template: z.enum(TEMPLATE_IDS, { error: 'Choose one of the listed templates, or none for a blank pipeline' }).optional(),
});

export const templateProcedures = {
  /** Every template the gallery offers, in gallery order. */
  templates: permitted('pipeline.read').query(() => templateInfos()),

  /** A new pipeline at version 1 with an id derived from its name; blank when no template is given. */
  create: permitted('pipeline.write')
    .input(createInput)
    .mutation(({ ctx, input }) => createPipeline(ctx.anyDb, { ...input, userId: ctx.user.id })),
};
