// How each endpoint's version counts labels: its class labels from the version's signature, the
// positive class and value column from its model's KPI settings. Without settings the positive
// class is the model's second class (the usual "1"/"true"), which the KPI page says in words.
import type Database from 'better-sqlite3';
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
  private readonly signature: Database.Statement;
  private readonly settings: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.signature = sqlite.prepare('SELECT signature FROM model_versions WHERE id = ?');
    this.settings = sqlite.prepare(
      'SELECT s.positive_label, s.value_column FROM endpoints e JOIN business_kpi_settings s ON s.model_id = e.model_id WHERE e.id = ?',
    );
  }

  rule(endpointId: string, versionId: string): CountingRule {
    const key = `${endpointId}\u0000${versionId}`;
    let rule = this.rules.get(key);
    if (!rule) {
      const v = this.signature.get(versionId) as { signature: string } | undefined;
      const s = this.settings.get(endpointId) as { positive_label: string; value_column: string | null } | undefined;
      rule = countingRule(v ? (JSON.parse(v.signature) as ModelSignature) : null, s ?? null);
      this.rules.set(key, rule);
    }
    return rule;
  }
}
