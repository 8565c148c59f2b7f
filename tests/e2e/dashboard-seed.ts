// The dashboard spec's data: three deployed models with 30 days of logged predictions, labels,
// monitoring checks and KPI settings, an open critical alert on one, and a pending promotion
// asked for by an analyst. Written straight into a fresh data directory before the server starts.
import { createUser } from '../../server/auth/users';
import { openDatabase } from '../../server/db/client';
import { logPredictions, postFeedback, prng, seedAlert, seedCheck, seedDeployedModel, seedPendingPromotion, seedProject, type SeedPrediction } from '../../server/dashboard/seed-kit';

const DAY = 86_400_000;

export async function seedDashboard(dataDir: string, people: { manager: { name: string; email: string; password: string }; analyst: { name: string; email: string; password: string } }): Promise<void> {
  const { sqlite, anyDb } = openDatabase(dataDir);
  try {
    // An administrator exists, so the sign-in page offers sign-in rather than first-run setup.
    await createUser(anyDb, { name: 'Ada Admin', email: 'ada@example.com', password: 'correct horse battery', role: 'admin' });
    await createUser(anyDb, { ...people.manager, role: 'viewer' });
    const analyst = await createUser(anyDb, { ...people.analyst, role: 'analyst' });
    seedProject(sqlite);
    const now = Date.now();
    const random = prng(19);
    const models = [
      { name: 'card-fraud', auc: 0.95, separation: 0.25 },
      { name: 'churn-risk', auc: 0.86, separation: 0.35 },
      { name: 'loan-default', auc: 0.9, separation: 0.4 },
    ];
    for (const m of models) {
      const model = seedDeployedModel(sqlite, m.name, { createdAt: now - 45 * DAY, auc: m.auc });
      const rows: SeedPrediction[] = [];
      const labels: string[] = [];
      for (let d = 29; d >= 0; d--) {
        for (let i = 0; i < 120 + Math.floor(random() * 80); i++) {
          const positive = random() < 0.2;
          // card-fraud gets worse over the month: its scores separate the classes less and less.
          const sep = m.name === 'card-fraud' ? m.separation * (d / 29) : m.separation;
          const score = Math.min(0.999, Math.max(0.001, (positive ? 0.5 + sep : 0.5 - sep) + (random() - 0.5) * 0.6));
          rows.push({ id: `${m.name}-${d}-${i}`, createdAt: now - d * DAY - Math.floor(random() * 3_600_000), latencyMs: 2 + random() * 30, amount: Math.round(random() * 40_000) / 100, score });
          labels.push(positive ? '1' : '0');
        }
        seedCheck(sqlite, model.endpointId, now - d * DAY - 600_000, [
          { feature: 'amount', metric: 'psi', value: m.name === 'card-fraud' ? 0.05 + (29 - d) * 0.015 : 0.03 + random() * 0.03, flagged: m.name !== 'churn-risk' && d === 0 },
          { feature: 'country', metric: 'psi', value: 0.02 + random() * 0.02 },
          { feature: '__prediction__', metric: 'psi', value: m.name === 'card-fraud' && d === 0 ? 0.35 : 0.02, flagged: m.name === 'card-fraud' && d === 0 },
          { feature: '', metric: 'rss_mb', value: 180 + random() * 20 },
          { feature: '', metric: 'error_rate', value: 0 },
        ]);
      }
      logPredictions(sqlite, model, rows);
      postFeedback(sqlite, model.endpointId, rows.map((r, i) => ({ predictionId: r.id, label: labels[i], receivedAt: r.createdAt + 3_600_000 })).filter((_, i) => i % 3 !== 0));
      sqlite
        .prepare("INSERT INTO business_kpi_settings (model_id, positive_label, tp_value, tp_weighted, fp_cost, fp_weighted, fn_cost, fn_weighted, value_column, threshold, currency, updated_at) VALUES (?, '1', 1, 1, 25, 0, 1, 1, 'amount', 0.5, 'USD', ?)")
        .run(model.modelId, now);
      if (m.name === 'card-fraud') seedAlert(sqlite, model.endpointId, 'critical', 'psi(__prediction__) = 0.35 > 0.25 for 1 window', now - 500_000);
      if (m.name === 'churn-risk') {
        const requestId = seedPendingPromotion(sqlite, model, analyst.id, now - 3_600_000);
        // The retrain that asked for it scored both versions on one fresh holdout.
        const figures = { champion: { roc_auc: 0.842, business: { net_value: 10_250 } }, challenger: { roc_auc: 0.913, business: { net_value: 14_900 } } };
        sqlite
          .prepare("INSERT INTO challenges (id, endpoint_id, champion_version_id, challenger_version_id, figures, gates, decision, deploy_request_id, created_at) VALUES ('chal-churn', ?, ?, 'v-churn-risk-2', ?, '[]', 'awaiting_approval', ?, ?)")
          .run(model.endpointId, model.versionId, JSON.stringify(figures), requestId, now - 3_600_000);
      }
    }
  } finally {
    sqlite.close();
  }
}
