// "<model>@<latest|vN|alias>" (MLflow's models:/name@alias, our alias rules) to one model version,
// for commands that name a version in text. A name in several projects needs the project.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { didYouMean } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';

export interface ResolvedVersion {
  modelName: string;
  version: number;
  artifactId: string;
  format: string;
}

export async function resolveModelVersion(db: AnyDb, reference: string, projectName?: string): Promise<ResolvedVersion> {
  const { modelAliases, modelVersions, projects, registeredModels } = db.t;
  const at = reference.lastIndexOf('@');
  const name = at < 0 ? reference : reference.slice(0, at);
  const selector = at < 0 ? 'latest' : reference.slice(at + 1);
  const candidates = await db
    .select({ id: registeredModels.id, name: registeredModels.name, project: projects.name })
    .from(registeredModels)
    .innerJoin(projects, eq(projects.id, registeredModels.projectId));
  const named = candidates.filter((m) => m.name === name && (projectName === undefined || m.project === projectName));
  if (named.length === 0) {
    // Only names the command could take: with --project, that project's (another's cannot be used there).
    const hint = didYouMean(name, new Set(candidates.filter((m) => projectName === undefined || m.project === projectName).map((m) => m.name)));
    throw new UserError(`There is no registered model "${name}"${projectName ? ` in project "${projectName}"` : ''}.${hint}`);
  }
  if (named.length > 1) {
    throw new UserError(`Model "${name}" exists in several projects (${named.map((m) => m.project).join(', ')}); name one with --project`);
  }
  const model = named[0];
  const live = and(eq(modelVersions.modelId, model.id), isNull(modelVersions.deletedAt));
  const columns = { version: modelVersions.version, artifactId: modelVersions.artifactId, format: modelVersions.format };
  let row: { version: number; artifactId: string; format: string } | null;
  if (selector === 'latest') {
    row = first(await db.select(columns).from(modelVersions).where(live).orderBy(desc(modelVersions.version)).limit(1));
    if (!row) throw new UserError(`Model "${name}" has no version that is not deleted`);
  } else if (/^v\d+$/.test(selector)) {
    row = first(await db.select(columns).from(modelVersions).where(and(live, eq(modelVersions.version, Number(selector.slice(1))))).limit(1));
    if (!row) throw new UserError(`Model "${name}" has no version ${selector.slice(1)} (or it was deleted)`);
  } else {
    row = first(
      await db
        .select(columns)
        .from(modelAliases)
        .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
        .where(and(eq(modelAliases.modelId, model.id), eq(modelAliases.alias, selector), isNull(modelVersions.deletedAt)))
        .limit(1),
    );
    if (!row) {
      const aliases = (await db.select({ alias: modelAliases.alias }).from(modelAliases).where(eq(modelAliases.modelId, model.id))).map((a) => a.alias);
      throw new UserError(
        `Model "${name}" has no alias "${selector}"; use latest, v<N>${aliases.length ? ` or one of ${aliases.join(', ')}` : ''}.${didYouMean(selector, aliases)}`,
      );
    }
  }
  return { modelName: model.name, ...row };
}
