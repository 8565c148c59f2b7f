// `pipeworks promote`: move an alias to a model version only when its gates pass, judged on the
// version's recorded metrics with the deploy gates' code (metric thresholds, and "beats the version
// the alias points at now by at least X"). Failing, nothing moves and every failed gate is named.
import { and, eq } from 'drizzle-orm';
import { UserError } from '../../engine/errors';
import { evaluateDeployGates, type ChampionRule, type DeployGateResult } from '../../nodes/deploy/deploy-gates';
import { checkGates, type Gate } from '../../nodes/evaluate/gates';
import { first, type AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { changeAlias, type AliasOutcome } from './aliases';
import { resolveModelVersion } from './resolve-version';

export interface PromoteInput {
  /** "<model>[@latest|@vN|@alias]". */
  reference: string;
  project?: string;
  alias: string;
  gates: readonly Gate[];
  champion: ChampionRule | null;
  comment?: string;
}

export type PromoteOutcome =
  | { state: 'refused'; model: string; version: number; alias: string; gates: DeployGateResult[] }
  | (AliasOutcome & { model: string; version: number; gates: DeployGateResult[] });

export async function promoteVersion(db: AnyDb, input: PromoteInput): Promise<PromoteOutcome> {
  return withTransaction(db, async (tx) => {
    const { modelAliases, modelVersions, registeredModels } = tx.t;
    const resolved = await resolveModelVersion(tx, input.reference, input.project);
    const row = first(
      await tx
        .select({ id: modelVersions.id, modelId: modelVersions.modelId, signature: modelVersions.signature, metrics: modelVersions.metrics })
        .from(modelVersions)
        .innerJoin(registeredModels, eq(registeredModels.id, modelVersions.modelId))
        .where(and(eq(modelVersions.artifactId, resolved.artifactId), eq(registeredModels.name, resolved.modelName), eq(modelVersions.version, resolved.version)))
        .limit(1),
    );
    if (!row) throw new UserError(`Model "${resolved.modelName}" version ${resolved.version} was not found`);
    const task = row.signature.task;
    if (task) checkGates(input.gates, task);
    else if (input.gates.length) throw new UserError(`Version ${resolved.version} records no task, so metric gates cannot be checked against it`);
    const holder = first(
      await tx
        .select({ version: modelVersions.version, metrics: modelVersions.metrics })
        .from(modelAliases)
        .innerJoin(modelVersions, eq(modelVersions.id, modelAliases.versionId))
        .where(and(eq(modelAliases.modelId, row.modelId), eq(modelAliases.alias, input.alias)))
        .limit(1),
    );
    // The version the alias already names is no champion to beat: promoting it again changes nothing.
    const champion = holder && holder.version !== resolved.version ? holder : null;
    const gates = evaluateDeployGates(input.gates, input.champion, row.metrics, champion).map((g) =>
      // The deploy wording speaks of an endpoint; here the champion is the alias's version.
      input.champion && !champion && g.gate.startsWith('beats the champion') ? { ...g, detail: `"${input.alias}" names no other version yet, so there is no champion to beat` } : g,
    );
    const base = { model: resolved.modelName, version: resolved.version, gates };
    if (gates.some((g) => !g.passed)) return { state: 'refused' as const, alias: input.alias, ...base };
    const outcome = await changeAlias(tx, { modelId: row.modelId, alias: input.alias, version: resolved.version, comment: input.comment ?? 'pipeworks promote', actor: { id: null } });
    return { ...outcome, ...base };
  });
}
