// Reading the rows every deployment change starts from, with the user-facing "not found" wording.
import { eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { endpoints, modelVersions, registeredModels, type Endpoint } from '../db/schema';

export function endpointRow(tx: Db, endpointId: string): Endpoint {
  const endpoint = tx.select().from(endpoints).where(eq(endpoints.id, endpointId)).get();
  if (!endpoint) throw new UserError(`Endpoint ${endpointId} was not found`);
  return endpoint;
}

export function endpointByName(tx: Db, name: string): Endpoint | undefined {
  return tx.select().from(endpoints).where(eq(endpoints.name, name)).get();
}

export function versionRow(tx: Db, versionId: string) {
  const row = tx
    .select({ version: modelVersions, modelName: registeredModels.name, projectId: registeredModels.projectId })
    .from(modelVersions)
    .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
    .where(eq(modelVersions.id, versionId))
    .get();
  if (!row) throw new UserError(`Model version ${versionId} was not found`, { field: 'version' });
  return { ...row.version, modelName: row.modelName, projectId: row.projectId };
}
