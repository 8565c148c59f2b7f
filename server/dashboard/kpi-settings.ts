// A model's business KPI settings: checked against its newest version's signature (the positive
// class must be one of its labels, the value column one of its numeric inputs, with "did you mean"),
// stored, and audited. Changing the positive class or the value column re-counts the aggregates.
import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { didYouMean } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import type { BusinessKpiSettings } from '../db/schema';
import type { ModelSignature } from '../registry/version-types';
import { isBinThreshold } from './score-bins';

const money = z.number().finite().min(0).max(1e12);

export const kpiSettingsInput = z
  .object({
    modelId: z.string().min(1).max(200),
    positiveLabel: z.string().min(1).max(200),
    tpValue: money,
    tpWeighted: z.boolean(),
    fpCost: money,
    fpWeighted: z.boolean(),
    fnCost: money,
    fnWeighted: z.boolean(),
    valueColumn: z.string().min(1).max(200).nullable(),
    threshold: z.number().refine(isBinThreshold, 'threshold must be one of 0, 0.01, …, 1 (the aggregates keep scores in hundredths)'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be a three-letter code such as USD or EUR'),
  })
  .strict();
export type KpiSettingsInput = z.infer<typeof kpiSettingsInput>;

/** The newest live version's signature: what new predictions will carry. */
export async function newestSignature(db: AnyDb, modelId: string): Promise<{ name: string; signature: ModelSignature }> {
  const { registeredModels, modelVersions } = db.t;
  const model = first(await db.select({ name: registeredModels.name }).from(registeredModels).where(eq(registeredModels.id, modelId)).limit(1));
  if (!model) throw new UserError(`Model ${modelId} was not found`, { field: 'modelId' });
  const version = first(
    await db
      .select({ signature: modelVersions.signature })
      .from(modelVersions)
      .where(and(eq(modelVersions.modelId, modelId), isNull(modelVersions.deletedAt)))
      .orderBy(desc(modelVersions.version))
      .limit(1),
  );
  if (!version) throw new UserError(`Model "${model.name}" has no versions yet`, { field: 'modelId' });
  return { name: model.name, signature: version.signature };
}

/** Every problem with the settings for this signature, each naming its field. */
export function kpiSettingsProblems(input: KpiSettingsInput, name: string, signature: ModelSignature): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (signature.task !== 'binary' || signature.labels.length !== 2) {
    problems.push({ field: 'modelId', message: `Business KPIs price a binary classifier's outcomes; "${name}" is ${signature.task ?? 'of an unknown task'}` });
    return problems;
  }
  if (!signature.labels.includes(input.positiveLabel)) {
    problems.push({ field: 'positiveLabel', message: `"${input.positiveLabel}" is not a class of "${name}" (${signature.labels.join(', ')}).${didYouMean(input.positiveLabel, signature.labels)}` });
  }
  if (input.valueColumn !== null) {
    const column = signature.inputs.find((c) => c.name === input.valueColumn);
    if (!column) {
      const names = signature.inputs.map((c) => c.name);
      problems.push({ field: 'valueColumn', message: `"${name}" has no input column "${input.valueColumn}".${didYouMean(input.valueColumn, names)}` });
    } else if (column.type !== 'numeric') {
      problems.push({ field: 'valueColumn', message: `Column "${column.name}" is ${column.type}; a value column must be numeric` });
    }
  }
  for (const [flag, outcome] of [['tpWeighted', 'a true positive'], ['fpWeighted', 'a false positive'], ['fnWeighted', 'a false negative']] as const) {
    if (input[flag] && input.valueColumn === null) problems.push({ field: flag, message: `Weighting ${outcome} by a column needs a value column` });
  }
  return problems;
}

export async function getKpiSettings(db: AnyDb, modelId: string): Promise<BusinessKpiSettings | null> {
  const s = db.t.businessKpiSettings;
  return first(await db.select().from(s).where(eq(s.modelId, modelId)).limit(1));
}

/**
 * Saves valid settings; says whether what the aggregates counted (class, value column) changed.
 * The caller audits the save (`model.kpi.save`) with the returned detail.
 */
export async function saveKpiSettings(db: AnyDb, input: KpiSettingsInput, actorId: string): Promise<{ recount: boolean; detail: Record<string, unknown> }> {
  const { name, signature } = await newestSignature(db, input.modelId);
  const problems = kpiSettingsProblems(input, name, signature);
  if (problems.length > 0) throw new UserError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), { field: problems[0].field });
  const before = await getKpiSettings(db, input.modelId);
  const { modelId, ...values } = input;
  const row = { ...values, updatedBy: actorId, updatedAt: Date.now() };
  const s = db.t.businessKpiSettings;
  await db.insert(s).values({ modelId, ...row }).onConflictDoUpdate({ target: s.modelId, set: row });
  const defaultPositive = signature.labels[1];
  const recount = (before?.positiveLabel ?? defaultPositive) !== input.positiveLabel || (before?.valueColumn ?? null) !== input.valueColumn;
  return { recount, detail: { ...values } };
}
