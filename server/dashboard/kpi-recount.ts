// After a model's positive class or value column changes, its endpoints' labels are counted again
// from their feedback (prediction counts and latency do not depend on those settings and stay).
// A one-off read of those endpoints' labelled rows, on a settings save, never per request.
import type Database from 'better-sqlite3';
import { countLabel, DayDeltas } from './kpi-counting';
import { RuleCache } from './kpi-rules';
import { emptyBins } from './score-bins';
import { writeDeltas } from './kpi-write';

export function recountModelLabels(sqlite: Database.Database, modelId: string): number {
  return sqlite.transaction(() => {
    const endpoints = (sqlite.prepare('SELECT id FROM endpoints WHERE model_id = ?').all(modelId) as { id: string }[]).map((e) => e.id);
    const zero = JSON.stringify(emptyBins());
    const reset = sqlite.prepare('UPDATE kpi_daily SET labelled = 0, unusable = 0, pos_hist = ?, neg_hist = ?, pos_value = ?, neg_value = ? WHERE endpoint_id = ?');
    const forget = sqlite.prepare('DELETE FROM kpi_counted_labels WHERE endpoint_id = ?');
    const labelled = sqlite.prepare(
      `SELECT f.prediction_id, f.label, l.version_id, l.role, l.created_at, l.inputs, l.outputs
       FROM prediction_feedback f JOIN prediction_log l ON l.id = f.prediction_id WHERE f.endpoint_id = ?`,
    );
    const save = sqlite.prepare('INSERT INTO kpi_counted_labels (prediction_id, endpoint_id, version_id, day, bin, value, positive) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const rules = new RuleCache(sqlite);
    let n = 0;
    for (const endpointId of endpoints) {
      reset.run(zero, zero, zero, zero, endpointId);
      forget.run(endpointId);
      const deltas = new DayDeltas();
      for (const f of labelled.iterate(endpointId) as Iterable<{ prediction_id: string; label: string; version_id: string; role: string; created_at: number; inputs: string; outputs: string }>) {
        if (f.role === 'shadow') continue;
        const row = { endpointId, versionId: f.version_id, createdAt: f.created_at, inputs: JSON.parse(f.inputs), outputs: JSON.parse(f.outputs) };
        const c = countLabel(rules.rule(endpointId, f.version_id), row, JSON.parse(f.label) as string | number | boolean);
        deltas.label(c, 1);
        save.run(f.prediction_id, endpointId, c.versionId, c.day, c.bin, c.value, c.positive === null ? null : c.positive ? 1 : 0);
        n += 1;
      }
      writeDeltas(sqlite, deltas);
    }
    return n;
  }).immediate();
}
