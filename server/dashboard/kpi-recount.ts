// After a model's positive class or value column changes, its endpoints' labels are counted again
// from their feedback (prediction counts and latency do not depend on those settings and stay).
// A one-off read of those endpoints' labelled rows, on a settings save, never per request.
import { eq, sql } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { withTransaction } from '../db/transaction';
import { saveCounted } from './kpi-consumer';
import { countLabel, DayDeltas } from './kpi-counting';
import { RuleCache } from './kpi-rules';
import { emptyBins } from './score-bins';
import { writeDeltas } from './kpi-write';

export function recountModelLabels(db: AnyDb, modelId: string): Promise<number> {
  return withTransaction(db, async (tx) => {
    const { endpoints: e, kpiDaily: k, kpiCountedLabels: c, predictionFeedback: f, predictionLog: l } = tx.t;
    // Raw JSON, as the consumer reads it (Drizzle's jsonb decoding would parse a string label twice).
    const label = sql`${f.label}`.mapWith((v: unknown) => (tx.dialect === 'sqlite' && typeof v === 'string' ? (JSON.parse(v) as unknown) : v) as string | number | boolean);
    const endpoints = (await tx.select({ id: e.id }).from(e).where(eq(e.modelId, modelId))).map((r) => r.id);
    const rules = new RuleCache();
    let n = 0;
    for (const endpointId of endpoints) {
      await tx.update(k).set({ labelled: 0, unusable: 0, posHist: emptyBins(), negHist: emptyBins(), posValue: emptyBins(), negValue: emptyBins() }).where(eq(k.endpointId, endpointId));
      await tx.delete(c).where(eq(c.endpointId, endpointId));
      const rows = await tx
        .select({ predictionId: f.predictionId, label, versionId: l.versionId, role: l.role, createdAt: l.createdAt, inputs: l.inputs, outputs: l.outputs })
        .from(f)
        .innerJoin(l, eq(l.id, f.predictionId))
        .where(eq(f.endpointId, endpointId));
      const deltas = new DayDeltas();
      const save: (typeof c.$inferInsert)[] = [];
      for (const r of rows) {
        if (r.role === 'shadow') continue;
        const counted = countLabel(await rules.rule(tx, endpointId, r.versionId), { ...r, endpointId }, r.label);
        deltas.label(counted, 1);
        save.push({ predictionId: r.predictionId, endpointId, versionId: counted.versionId, day: counted.day, bin: counted.bin, value: counted.value, positive: counted.positive });
        n += 1;
      }
      await saveCounted(tx, save);
      await writeDeltas(tx, deltas);
    }
    return n;
  });
}
