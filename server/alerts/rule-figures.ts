// The figures a rule of this endpoint may watch, for the rule form's picker: each drift statistic
// of each feature of the live version (and of its predictions), the decay metrics of its task and
// the serving-health figures, each with its value in the latest check when it has one, so a person
// can pick a threshold against what the figure is now. The same vocabulary checkRuleNames enforces.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { first, type AnyDb } from '../db/any-db';
import { PREDICTION_FEATURE } from '../monitoring/check-figures';
import { ensureReference } from '../registry/reference-stats';
import { decayMetricsFor, featureMetricsFor, HEALTH_METRICS, liveVersion } from './rule-vocabulary';

export type FigureGroup = 'feature' | 'prediction' | 'decay' | 'health';

export interface RuleFigure {
  group: FigureGroup;
  metric: string;
  /** '' for a whole-model figure. */
  feature: string;
  latest: number | null;
}

export interface RuleFigures {
  figures: RuleFigure[];
  /** Why some figures are missing (no live version, no reference statistics), in words; null when none are. */
  note: string | null;
  latestCheckAt: number | null;
}

export async function ruleFigures(db: AnyDb, dataDir: string, endpointId: string): Promise<RuleFigures> {
  const { monitorChecks, monitorFigures } = db.t;
  const latestCheck = first(
    await db
      .select({ id: monitorChecks.id, at: monitorChecks.startedAt })
      .from(monitorChecks)
      .where(and(eq(monitorChecks.endpointId, endpointId), inArray(monitorChecks.status, ['ok', 'drift'])))
      .orderBy(desc(monitorChecks.startedAt))
      .limit(1),
  );
  const values = new Map<string, number>();
  if (latestCheck) {
    for (const f of await db.select({ feature: monitorFigures.feature, metric: monitorFigures.metric, value: monitorFigures.value }).from(monitorFigures).where(eq(monitorFigures.checkId, latestCheck.id))) {
      values.set(`${f.feature}\u0000${f.metric}`, f.value);
    }
  }
  const figure = (group: FigureGroup, metric: string, feature = ''): RuleFigure => ({ group, metric, feature, latest: values.get(`${feature}\u0000${metric}`) ?? null });
  const health = HEALTH_METRICS.map((m) => figure('health', m));
  const done = (figures: RuleFigure[], note: string | null): RuleFigures => ({ figures: [...figures, ...health], note, latestCheckAt: latestCheck?.at ?? null });

  const live = await liveVersion(db, endpointId);
  if (!live) return done([], 'The endpoint has no live deployment, so only serving-health figures can be watched; deploy a version for its features and metrics.');
  const decay = live.signature.task ? decayMetricsFor(live.signature.task).map((m) => figure('decay', m)) : [];
  const reference = await ensureReference(db, dataDir, live.id);
  if ('why' in reference) return done(decay, `v${live.version} has no reference statistics (${reference.why}), so its features cannot be watched.`);
  const drift = reference.profile.features.flatMap((f) => featureMetricsFor(f.kind).map((m) => figure('feature', m, f.name)));
  const target = reference.profile.target;
  const prediction = target ? featureMetricsFor(target.kind).map((m) => figure('prediction', m, PREDICTION_FEATURE)) : [];
  return done([...drift, ...prediction, ...decay], null);
}
