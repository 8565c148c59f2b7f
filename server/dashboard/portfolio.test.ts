import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { approvalsInbox } from './approvals';
import { consumeKpis } from './kpi-consumer';
import { portfolio } from './portfolio';
import { logPredictions, seedAlert, seedCheck, seedDeployedModel, seedPendingPromotion, seedProject } from './seed-kit';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 6, 12);
let t: TestDb;
beforeEach(() => {
  t = openTestDb();
  seedProject(t.sqlite);
});
afterEach(() => t.cleanup());

describe('portfolio', () => {
  it('gives each deployed model its counts, champion, approvals and health reasons in words', async () => {
    const calm = seedDeployedModel(t.sqlite, 'churn', { createdAt: NOW - 50 * DAY });
    const hot = seedDeployedModel(t.sqlite, 'fraud', { createdAt: NOW - 50 * DAY });
    const rows = [0, 0, 3, 10, 40].map((ago, i) => ({ id: `p${i}`, createdAt: NOW - ago * DAY, latencyMs: 5, amount: 1, score: 0.2 }));
    logPredictions(t.sqlite, calm, rows);
    seedCheck(t.sqlite, hot.endpointId, NOW - 3_600_000, [
      { feature: 'amount', metric: 'psi', value: 0.42, flagged: true },
      { feature: '', metric: 'error_rate', value: 0.002 },
    ]);
    seedAlert(t.sqlite, hot.endpointId, 'critical', 'psi(amount) = 0.42 > 0.2 for 2 windows', NOW - 3_000_000);
    seedPendingPromotion(t.sqlite, hot, 'dash-seeder', NOW - 1000);
    await consumeKpis(t.anyDb);
    const cards = await portfolio(t.anyDb, NOW);
    expect(cards.map((c) => c.modelName)).toEqual(['churn', 'fraud']);
    expect(cards[0]).toMatchObject({ health: 'green', reasons: [], predictions: { today: 2, days7: 3, days30: 4 }, champion: { version: 1, since: NOW - 50 * DAY }, pendingApprovals: 0 });
    expect(cards[1].health).toBe('red');
    expect(cards[1].reasons.map((r) => r.text)).toEqual(['Input drift in feature: amount', 'Open critical alert: psi(amount) = 0.42 > 0.2 for 2 windows']);
    expect(cards[1]).toMatchObject({ pendingApprovals: 1, lastRetrain: { version: 2, at: NOW - 1000 } });
  });

  it('lists the pending promotion with champion against challenger and the drift status', async () => {
    const hot = seedDeployedModel(t.sqlite, 'fraud', { createdAt: NOW - 50 * DAY, auc: 0.88 });
    seedCheck(t.sqlite, hot.endpointId, NOW - 3_600_000, [{ feature: 'amount', metric: 'psi', value: 0.42, flagged: true }]);
    seedPendingPromotion(t.sqlite, hot, 'dash-seeder', NOW - 1000, 0.93);
    const [item] = await approvalsInbox(t.anyDb);
    expect(item).toMatchObject({
      kind: 'deploy',
      summary: 'Serve v2 as the primary of fraud',
      champion: { version: 1, metrics: { roc_auc: 0.88 } },
      challenger: { version: 2, metrics: { roc_auc: 0.93 } },
      drift: { status: 'drift', flagged: ['amount'] },
      requestedBy: 'Seeder',
    });
  });
});
