// Reading the rows every deployment change starts from, with the user-facing "not found" wording.
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import type { Endpoint } from '../db/schema';

export async function endpointRow(tx: AnyDb, endpointId: string): Promise<Endpoint> {
  const { endpoints } = tx.t;
  const endpoint = first(await tx.select().from(endpoints).where(eq(endpoints.id, endpointId)).limit(1));
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`);
  return endpoint;
}

export async function endpointByName(tx: AnyDb, name: string): Promise<Endpoint | undefined> {
  const { endpoints } = tx.t;
  return first(await tx.select().from(endpoints).where(eq(endpoints.name, name)).limit(1)) ?? undefined;
}

export async function versionRow(tx: AnyDb, versionId: string) {
  const { modelVersions, registeredModels } = tx.t;
  const row = first(
    await tx
      .select({ version: modelVersions, modelName: registeredModels.name, projectId: registeredModels.projectId })
      .from(modelVersions)
      .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
      .where(eq(modelVersions.id, versionId))
      .limit(1),
  );
  if (!row) throw new UserError(`Model version ${versionId} was not found`, { field: 'version' });
  return { ...row.version, modelName: row.modelName, projectId: row.projectId };
}

export type VersionRow = Awaited<ReturnType<typeof versionRow>>;
