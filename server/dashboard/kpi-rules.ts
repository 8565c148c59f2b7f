// How each endpoint's version counts labels: its class labels from the version's signature, the
// positive class and value column from its model's KPI settings. Without settings the positive
// class is the model's second class (the usual "1"/"true"), which the KPI page says in words.
import { eq } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import type { ModelSignature } from '../registry/version-types';
import type { CountingRule } from './kpi-counting';

export function countingRule(signature: ModelSignature | null, settings: { positive_label: string; value_column: string | null } | null): CountingRule {
  if (!signature || signature.task !== 'binary' || signature.labels.length !== 2) return { positiveLabel: null, negativeLabel: null, valueColumn: null };
  const positive = settings?.positive_label ?? signature.labels[1];
  const at = signature.labels.indexOf(positive);
  if (at < 0) return { positiveLabel: null, negativeLabel: null, valueColumn: null };
  return { positiveLabel: positive, negativeLabel: signature.labels[1 - at], valueColumn: settings?.value_column ?? null };
}

export class RuleCache {
  private readonly rules = new Map<string, CountingRule>();

  /** `db`: the handle the caller is on (inside a transaction, the transaction). */
  async rule(db: AnyDb, endpointId: string, versionId: string): Promise<CountingRule> {
    const key = `${endpointId}\u0000${versionId}`;
    let rule = this.rules.get(key);
    if (!rule) {
      const { modelVersions: v, endpoints: e, businessKpiSettings: s } = db.t;
      const version = first(await db.select({ signature: v.signature }).from(v).where(eq(v.id, versionId)).limit(1));
      const settings = first(
        await db
          .select({ positive_label: s.positiveLabel, value_column: s.valueColumn })
          .from(e)
          .innerJoin(s, eq(s.modelId, e.modelId))
          .where(eq(e.id, endpointId))
          .limit(1),
      );
      rule = countingRule(version?.signature ?? null, settings);
      this.rules.set(key, rule);
    }
    return rule;
  }
}
