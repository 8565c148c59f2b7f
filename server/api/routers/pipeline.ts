import { desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { packColumns } from '../../../engine/columns';
import { parseDocument } from '../../../engine/document';
import { can } from '../../auth/roles';
import { first } from '../../db/any-db';
import { compileWithColumns } from '../../pipelines/compile-doc';
import { getVersion, saveVersion } from '../../pipelines/versions';
import { serverRegistry } from '../../pipelines/registry';
import { testCode } from '../../pipelines/test-code';
import { getEnv } from '../../env';
import { issuesError, notFound } from '../errors';
import { createTRPCRouter, permitted } from '../trpc';
import { forkRefusal } from '../../../nodes/code/fork/fork-as-code';
import { nodeCodeProcedures } from './node-code';
import { pipelineLiveProcedures } from './pipeline-live';
import { templateProcedures } from './templates';
import { audit } from '../../auth/audit';

const pipelineId = z.string().min(1).max(64);

/** A node's params with every default filled in, or null when some param has no default. */
function defaultParams(params: z.ZodType): Record<string, unknown> | null {
  const parsed = params.safeParse({});
  return parsed.success ? (parsed.data as Record<string, unknown>) : null;
}

function nodeTypeInfos() {
  return serverRegistry()
    .list()
    .map((d) => ({
      type: d.type,
      version: d.version,
      title: d.title,
      category: d.category,
      description: d.description,
      inputs: d.inputs,
      outputs: d.outputs,
      runsOn: d.runsOn,
      // The zod params schema is the one declaration; the inspector form is generated from this.
      paramsSchema: z.toJSONSchema(d.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
      paramDefaults: defaultParams(d.params),
      // Params holding user code: only code.write may change them, and a save message names them.
      codeParams: [...(d.codeParams ?? [])],
      // Why "Fork as code node" is not offered for this type, or null when it is.
      forkRefusal: forkRefusal(d),
    }));
}
let nodeTypesAnswer: ReturnType<typeof nodeTypeInfos> | undefined;

export const pipelineRouter = createTRPCRouter({
  /** A pipeline's latest (or a given) version with its compile result, for the canvas. */
  get: permitted('pipeline.read')
    .input(z.object({ id: pipelineId, version: z.number().int().positive().optional() }))
    .query(async ({ ctx, input }) => {
      const db = ctx.anyDb;
      const pipeline = first(await db.select().from(db.t.pipelines).where(eq(db.t.pipelines.id, input.id)).limit(1));
      if (!pipeline) throw notFound(`Pipeline "${input.id}"`);
      const stored = await getVersion(db, input.id, input.version);
      if (!stored) throw notFound(`Version ${input.version} of pipeline "${input.id}"`);
      const parsed = parseDocument(stored.doc);
      const { compiled, columns } = parsed.ok ? await compileWithColumns(db, parsed.value) : { compiled: parsed, columns: {} };
      return {
        pipeline,
        version: stored.version,
        doc: stored.doc,
        plan: compiled.ok ? compiled.value.plan : null,
        issues: compiled.ok ? compiled.value.plan.warnings : compiled.error,
        // Known even when compile fails, so pickers work while a pipeline is half built.
        columns: packColumns(columns),
      };
    }),

  /** Every version, newest first, with who saved it and, for a merged save, whose versions it took in. */
  versions: permitted('pipeline.read')
    .input(z.object({ id: pipelineId }))
    .query(async ({ ctx, input }) => {
      const db = ctx.anyDb;
      const { pipelineVersions, users } = db.t;
      const rows = await db
        .select({
          version: pipelineVersions.version,
          contentHash: pipelineVersions.contentHash,
          authorId: pipelineVersions.authorId,
          authorSystem: pipelineVersions.authorSystem,
          authorName: users.name,
          message: pipelineVersions.message,
          baseVersion: pipelineVersions.baseVersion,
          mergedAuthorIds: pipelineVersions.mergedAuthorIds,
          createdAt: pipelineVersions.createdAt,
        })
        .from(pipelineVersions)
        .leftJoin(users, eq(users.id, pipelineVersions.authorId))
        .where(eq(pipelineVersions.pipelineId, input.id))
        .orderBy(desc(pipelineVersions.version));
      const ids = [...new Set(rows.flatMap((r) => r.mergedAuthorIds ?? []))];
      const named = ids.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
      const names = new Map(named.map((u) => [u.id, u.name]));
      return rows.map(({ mergedAuthorIds, ...r }) => ({ ...r, mergedAuthors: (mergedAuthorIds ?? []).map((id) => names.get(id) ?? 'a removed user') }));
    }),

  /**
   * Saves a document edited from `baseVersion`; a new immutable version exists only when the
   * content changed. Saves made meanwhile by others are merged in, or the save is refused with a
   * CONFLICT whose data says who saved which version and when, with both values of each clash.
   */
  save: permitted('pipeline.write')
    .input(z.object({ projectId: z.string().min(1).max(64), doc: z.unknown(), baseVersion: z.number().int().min(0), message: z.string().max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      const db = ctx.anyDb;
      const project = first(await db.select({ id: db.t.projects.id }).from(db.t.projects).where(eq(db.t.projects.id, input.projectId)).limit(1));
      if (!project) throw notFound(`Project "${input.projectId}"`);
      const parsed = parseDocument(input.doc);
      if (!parsed.ok) throw issuesError('The pipeline document is not valid', parsed.error);
      const saved = await saveVersion(db, input.projectId, parsed.value, ctx.user.id, {
        baseVersion: input.baseVersion,
        message: input.message,
        mayEditCode: can(ctx.user.role, 'code.write'),
      });
      if (saved.created) {
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'pipeline.save', targetType: 'pipeline', targetId: saved.pipelineId, detail: { version: saved.version, ...(saved.merged ? { mergedWith: saved.merged.versions.map((v) => v.version) } : {}) } });
      }
      return saved;
    }),

  /** Compiles an unsaved document: the plan, or every issue tied to its node, edge or field. */
  compile: permitted('pipeline.read')
    .input(z.object({ doc: z.unknown(), upTo: z.string().max(64).optional() }))
    .mutation(async ({ ctx, input }) => {
      const parsed = parseDocument(input.doc);
      // The whole document's columns, also under upTo: the inspector shows every node's.
      const { compiled: result, columns: known } = parsed.ok ? await compileWithColumns(ctx.anyDb, parsed.value, input.upTo) : { compiled: parsed, columns: {} };
      const columns = packColumns(known);
      return result.ok
        ? { ok: true as const, plan: result.value.plan, issues: result.value.plan.warnings, columns }
        : { ok: false as const, plan: null, issues: result.error, columns };
    }),

  /**
   * "Test on preview rows": runs a code node of the (unsaved) document in the server sandbox on
   * the first rows of its input as the last run left them; the output's columns, first rows and logs.
   */
  testCode: permitted('code.write')
    .input(z.object({ doc: z.unknown(), nodeId: z.string().min(1).max(64), rows: z.number().int().min(1).max(1000).default(200) }))
    .mutation(({ ctx, input }) => testCode(ctx.anyDb, getEnv().PIPEWORKS_DATA_DIR, ctx.user.id, input)),

  /** The node palette: every node type with its ports and its params as JSON Schema, for the canvas, the inspector and the docs. */
  // The registry is fixed for the life of the process, so the answer (with its JSON Schemas) is
  // built once: 850 calls in one request used to rebuild it 850 times (issue 14, finding 3).
  nodeTypes: permitted('pipeline.read').query(() => (nodeTypesAnswer ??= nodeTypeInfos())),

  // pipeline.templates and pipeline.create (the template gallery and new pipelines) live in templates.ts.
  ...templateProcedures,
  // pipeline.presence and pipeline.restore live in pipeline-live.ts.
  ...pipelineLiveProcedures,
  // pipeline.nodeSource lives in node-code.ts.
  ...nodeCodeProcedures,
});
