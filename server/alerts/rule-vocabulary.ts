// What a rule may name: a drift statistic of one of the live version's features (or of its
// predictions, '__prediction__'), or a whole-model figure (decay for the model's task, serving
// health). Unknown names are refused with the known ones and "did you mean".
import { and, eq, isNull } from 'drizzle-orm';
import { didYouMean } from '../../engine/did-you-mean';
import { UserError } from '../../engine/errors';
import { producesMetric, TASK_METRICS } from '../../nodes/evaluate/metric-catalogue';
import { first, type AnyDb } from '../db/any-db';
import { PREDICTION_FEATURE } from '../monitoring/check-figures';
import { ensureReference } from '../registry/reference-stats';
import type { RuleCondition } from './rule-text';

const NUMERIC = ['psi', 'ks', 'ks_p_value', 'wasserstein', 'missing_rate'];
const CATEGORICAL = ['psi', 'chi2', 'chi2_p_value', 'unseen_rate', 'missing_rate'];
export const FEATURE_METRICS = [...new Set([...NUMERIC, ...CATEGORICAL])];
export const HEALTH_METRICS = ['latency_p50', 'latency_p95', 'latency_p99', 'throughput_rps', 'error_rate', 'rss_mb', 'model_mb'];
/** baseline_saving_pct is a judgement of the evaluation's own run, not recorded per window. */
const DECAY_METRICS = [...new Set(Object.values(TASK_METRICS).flat())].filter((m) => m !== 'baseline_saving_pct');
export const MODEL_METRICS = [...DECAY_METRICS, ...HEALTH_METRICS];

/** The version an endpoint serves as its primary now, if any: rules are checked against it. */
export async function liveVersion(db: AnyDb, endpointId: string) {
  const { deployments, modelVersions } = db.t;
  const rows = await db
    .select({ id: modelVersions.id, version: modelVersions.version, signature: modelVersions.signature })
    .from(deployments)
    .innerJoin(modelVersions, eq(modelVersions.id, deployments.versionId))
    .where(and(eq(deployments.endpointId, endpointId), eq(deployments.role, 'primary'), isNull(deployments.retiredAt)))
    .limit(1);
  return first(rows);
}

/** The drift figures a feature of this kind has. */
export const featureMetricsFor = (kind: 'numeric' | 'categorical') => (kind === 'numeric' ? NUMERIC : CATEGORICAL);

/** The decay figures a task records per window. */
export const decayMetricsFor = (task: keyof typeof TASK_METRICS) => TASK_METRICS[task].filter((m) => m !== 'baseline_saving_pct');

/** Checks a rule's metric and feature against the endpoint's live version; throws in words. */
export async function checkRuleNames(db: AnyDb, dataDir: string, endpointId: string, rule: RuleCondition): Promise<void> {
  const isFeatureMetric = FEATURE_METRICS.includes(rule.metric);
  if (!isFeatureMetric && !MODEL_METRICS.includes(rule.metric)) {
    throw new UserError(`Unknown metric "${rule.metric}".${didYouMean(rule.metric, [...FEATURE_METRICS, ...MODEL_METRICS])} Per feature: ${FEATURE_METRICS.join(', ')}; for the model: ${MODEL_METRICS.join(', ')}`, { field: 'metric' });
  }
  if (!isFeatureMetric) {
    if (rule.feature !== '') throw new UserError(`${rule.metric} is a figure of the whole model; write it without a feature: "${rule.metric} ${rule.operator} ${rule.threshold}"`, { field: 'feature' });
    if (HEALTH_METRICS.includes(rule.metric)) return;
  } else if (rule.feature === '') {
    throw new UserError(`${rule.metric} is a figure of one feature; name it: "${rule.metric}(<feature>) ${rule.operator} ${rule.threshold}"`, { field: 'feature' });
  }
  const live = await liveVersion(db, endpointId);
  if (!live) throw new UserError(`The endpoint has no live deployment, so the rule's ${isFeatureMetric ? 'feature' : 'metric'} cannot be checked; deploy a version first`);
  if (!isFeatureMetric) {
    const task = live.signature.task;
    if (task && !producesMetric(task, rule.metric)) throw new UserError(`${rule.metric} is not a ${task} metric; the live version's are: ${decayMetricsFor(task).join(', ')}`, { field: 'metric' });
    return;
  }
  const reference = await ensureReference(db, dataDir, live.id);
  if ('why' in reference) throw new UserError(`v${live.version} has no reference statistics (${reference.why}), so it has no features to watch`);
  const kinds = new Map(reference.profile.features.map((f) => [f.name, f.kind]));
  if (reference.profile.target) kinds.set(PREDICTION_FEATURE, reference.profile.target.kind);
  const kind = kinds.get(rule.feature);
  if (!kind) throw new UserError(`Unknown feature "${rule.feature}".${didYouMean(rule.feature, kinds.keys())} The live version's features: ${[...kinds.keys()].join(', ')}`, { field: 'feature' });
  const allowed = featureMetricsFor(kind);
  if (!allowed.includes(rule.metric)) throw new UserError(`${rule.metric} does not apply to "${rule.feature}", a ${kind} feature; its figures are ${allowed.join(', ')}`, { field: 'metric' });
}
