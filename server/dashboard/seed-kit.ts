// Raw-SQL seeding of deployed binary classifiers and their logged predictions, for the dashboard
// tests, the dashboard bench and the e2e spec's database: fast enough for a million rows.
import type Database from 'better-sqlite3';

export interface SeededModel {
  modelId: string;
  versionId: string;
  endpointId: string;
  name: string;
}

export const FRAUD_SIGNATURE = {
  inputs: [
    { name: 'amount', type: 'numeric', role: 'feature' },
    { name: 'country', type: 'categorical', role: 'feature' },
  ],
  target: 'is_fraud',
  task: 'binary',
  labels: ['0', '1'],
};

/** A project (and a user to own things) once per database. */
export function seedProject(sqlite: Database.Database, projectId = 'dash-project'): void {
  sqlite.prepare("INSERT OR IGNORE INTO users (id, email, name, role, password_hash, created_at) VALUES ('dash-seeder', 'seeder@example.invalid', 'Seeder', 'scientist', 'x', 0)").run();
  sqlite.prepare("INSERT OR IGNORE INTO projects (id, name, description, created_at) VALUES (?, 'Dashboard models', '', 0)").run(projectId);
}

/** A registered model with one version (`auc` as its training metric), an endpoint and a live primary. */
export function seedDeployedModel(sqlite: Database.Database, name: string, { projectId = 'dash-project', createdAt = Date.now(), auc = 0.9 } = {}): SeededModel {
  const modelId = `m-${name}`;
  const versionId = `v-${name}-1`;
  const endpointId = `e-${name}`;
  sqlite.prepare('INSERT INTO registered_models (id, project_id, name, last_version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)').run(modelId, projectId, name, createdAt, createdAt);
  sqlite
    .prepare("INSERT INTO model_versions (id, model_id, version, source, format, artifact_id, signature, metrics, lineage, created_at, created_by) VALUES (?, ?, 1, 'import', 'onnx', 'none', ?, ?, '{}', ?, 'dash-seeder')")
    .run(versionId, modelId, JSON.stringify(FRAUD_SIGNATURE), JSON.stringify({ roc_auc: auc }), createdAt);
  sqlite.prepare('INSERT INTO endpoints (id, project_id, name, model_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(endpointId, projectId, name, modelId, createdAt, createdAt);
  sqlite
    // seq: the insertion order that schema.ts's insert fills in (raw SQL names it itself).
    .prepare("INSERT INTO deployments (id, endpoint_id, version_id, role, traffic_percent, reason, created_at, seq) VALUES (?, ?, ?, 'primary', 100, 'deploy', ?, (SELECT coalesce(max(seq), 0) + 1 FROM deployments))")
    .run(`d-${name}-1`, endpointId, versionId, createdAt);
  return { modelId, versionId, endpointId, name };
}

export interface SeedPrediction {
  id: string;
  createdAt: number;
  latencyMs: number;
  amount: number;
  /** The positive class's ("1") probability. */
  score: number;
}

/** Logs predictions as the serving process would (same JSON shapes). */
export function logPredictions(sqlite: Database.Database, model: SeededModel, rows: readonly SeedPrediction[]): void {
  const insert = sqlite.prepare(
    "INSERT INTO prediction_log (id, endpoint_id, version_id, role, key_id, created_at, latency_ms, inputs, outputs) VALUES (?, ?, ?, 'primary', NULL, ?, ?, ?, ?)",
  );
  sqlite.transaction(() => {
    for (const r of rows) {
      const outputs = { prediction: r.score >= 0.5 ? '1' : '0', probabilities: { '0': 1 - r.score, '1': r.score } };
      insert.run(r.id, model.endpointId, model.versionId, r.createdAt, r.latencyMs, JSON.stringify({ amount: r.amount, country: 'US' }), JSON.stringify(outputs));
    }
  })();
}

/** Posts feedback as the feedback route does: a second label for an id replaces the first. */
export function postFeedback(sqlite: Database.Database, endpointId: string, rows: readonly { predictionId: string; label: string | number | boolean; receivedAt: number }[]): void {
  const upsert = sqlite.prepare(
    `INSERT INTO prediction_feedback (prediction_id, endpoint_id, label, key_id, received_at) VALUES (?, ?, ?, NULL, ?)
     ON CONFLICT (prediction_id) DO UPDATE SET label = excluded.label, key_id = excluded.key_id, received_at = excluded.received_at`,
  );
  sqlite.transaction(() => {
    for (const r of rows) upsert.run(r.predictionId, endpointId, JSON.stringify(r.label), r.receivedAt);
  })();
}

/** Deterministic numbers, so every run of a test or bench sees the same data. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A finished monitor check with figures, as the monitoring scheduler stores them. */
export function seedCheck(
  sqlite: Database.Database,
  endpointId: string,
  at: number,
  figures: { feature: string; metric: string; value: number; flagged?: boolean }[],
): string {
  const id = `chk-${endpointId}-${at}`;
  const status = figures.some((f) => f.flagged && f.feature !== '') ? 'drift' : 'ok';
  sqlite
    .prepare("INSERT INTO monitor_checks (id, endpoint_id, trigger, status, rows, labelled_rows, detail, started_at, finished_at) VALUES (?, ?, 'schedule', ?, 1000, 0, '{}', ?, ?)")
    .run(id, endpointId, status, at, at);
  const insert = sqlite.prepare('INSERT INTO monitor_figures (check_id, endpoint_id, at, feature, metric, value, flagged) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const f of figures) insert.run(id, endpointId, at, f.feature, f.metric, f.value, f.flagged ? 1 : 0);
  return id;
}

/** An open alert of a rule on the endpoint. */
export function seedAlert(sqlite: Database.Database, endpointId: string, severity: 'info' | 'warning' | 'critical', message: string, at: number): void {
  const rule = `rule-${endpointId}-${at}`;
  sqlite
    .prepare("INSERT INTO alert_rules (id, endpoint_id, name, metric, feature, operator, threshold, created_at, updated_at) VALUES (?, ?, ?, 'psi', 'amount', '>', 0.2, ?, ?)")
    .run(rule, endpointId, message, at, at);
  sqlite
    .prepare("INSERT INTO alerts (id, rule_id, endpoint_id, state, severity, message, value, opened_at) VALUES (?, ?, ?, 'open', ?, ?, 0.4, ?)")
    .run(`alert-${endpointId}-${at}`, rule, endpointId, severity, message, at);
}

/** A second version of the model and a pending request (by `requestedBy`) to promote it to primary. */
export function seedPendingPromotion(sqlite: Database.Database, model: SeededModel, requestedBy: string, at: number, auc = 0.93): string {
  const versionId = `v-${model.name}-2`;
  sqlite
    .prepare("INSERT INTO model_versions (id, model_id, version, source, format, artifact_id, signature, metrics, lineage, created_at) VALUES (?, ?, 2, 'import', 'onnx', 'none', ?, ?, '{}', ?)")
    .run(versionId, model.modelId, JSON.stringify(FRAUD_SIGNATURE), JSON.stringify({ roc_auc: auc }), at);
  sqlite.prepare('UPDATE registered_models SET last_version = 2 WHERE id = ?').run(model.modelId);
  const id = `req-${model.name}`;
  sqlite
    .prepare("INSERT INTO deploy_requests (id, endpoint_id, version_id, mode, traffic_percent, state, gates, requested_by, requested_at, comment) VALUES (?, ?, ?, 'replace', 0, 'pending', '[]', ?, ?, 'Retrained on last month')")
    .run(id, model.endpointId, versionId, requestedBy, at);
  return id;
}
