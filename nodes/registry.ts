// The one collector of node definitions. Its order is the palette order.
// The *.node files are imported with their .ts extension: tsx (the step worker, the CLI) cannot
// resolve an extensionless "./x.node" and Turbopack cannot map "./x.node.js" to .ts, so this is
// the one spelling every loader accepts (tsconfig sets allowImportingTsExtensions for it).
import { canonicalJSON } from '../engine/canonical-json';
import { sha256Hex } from '../engine/hash';
import type { NodeDefinition, NodeRegistry } from '../engine/node-definition';
import { castColumnsNode } from './clean/cast-columns.node.ts';
import { clipOutliersNode } from './clean/clip-outliers.node.ts';
import { deduplicateNode } from './clean/deduplicate.node.ts';
import { filterRowsNode } from './clean/filter-rows.node.ts';
import { missingValuesNode } from './clean/missing-values.node.ts';
import { renameColumnsNode } from './clean/rename-columns.node.ts';
import { selectColumnsNode } from './clean/select-columns.node.ts';
import { setRolesNode } from './clean/set-roles.node.ts';
import { validateNode } from './clean/validate.node.ts';
import { codeFilterRowsNode } from './code/filter-rows.node.ts';
import { codeMetricNode } from './code/metric.node.ts';
import { codeTransformNode } from './code/transform.node.ts';
import { columnStatsNode } from './explore/column-stats.node.ts';
import { batchScoreNode } from './deploy/batch-score.node.ts';
import { deployNode } from './deploy/deploy.node.ts';
import { driftTablesNode } from './monitor/drift-tables.node.ts';
import { evaluatePredictionsNode } from './evaluate/evaluate-predictions.node.ts';
import { evaluateModelNode } from './evaluate/evaluate.node.ts';
import { datasetNode } from './ingest/dataset.node.ts';
import { sampleDatasetNode } from './ingest/sample-dataset.node.ts';
import { syntheticFraudNode } from './ingest/synthetic-fraud.node.ts';
import { randomSplitNode } from './split/random-split.node.ts';
import { timeSplitNode } from './split/time-split.node.ts';
import { sleepNode } from './testing/sleep.node.ts';
import { linearRegressionNode } from './train/linear-regression.node.ts';
import { logisticRegressionNode } from './train/logistic-regression.node.ts';
import { mlpNode } from './train/mlp.node.ts';
import { hyperparameterSearchNode } from './train/search.node.ts';
import { randomForestNode } from './train/random-forest.node.ts';
import { IMPLEMENTATION_HASHES, PIPEWORKS_VERSION, REGISTRY_HASH } from './implementation-hashes.generated.ts';

// Filled as the lists below are built, so declared before them.
const EXPORT_NAMES = new Map<string, string>();

/** The name registry.ts imports a built-in node by (how the build's hashes and sources list it). */
export const builtInExportName = (type: string, version: number): string | undefined => EXPORT_NAMES.get(`${type}@${version}`);

export const CATEGORY_ORDER = [
  'ingest',
  'clean',
  'code',
  'split',
  'explore',
  'train',
  'evaluate',
  'deploy',
  'monitor',
  'testing',
] as const;

/** Every version of every built-in node; a node's V1 stays here when V2 arrives. */
const BUILT_IN: readonly NodeDefinition[] = withImplementationHashes({
  sampleDatasetNode,
  datasetNode,
  syntheticFraudNode,
  selectColumnsNode,
  renameColumnsNode,
  castColumnsNode,
  filterRowsNode,
  deduplicateNode,
  missingValuesNode,
  clipOutliersNode,
  setRolesNode,
  validateNode,
  codeTransformNode,
  codeFilterRowsNode,
  codeMetricNode,
  randomSplitNode,
  timeSplitNode,
  columnStatsNode,
  logisticRegressionNode,
  linearRegressionNode,
  randomForestNode,
  mlpNode,
  hyperparameterSearchNode,
  evaluateModelNode,
  evaluatePredictionsNode,
  batchScoreNode,
  deployNode,
  driftTablesNode,
});
const TEST_ONLY: readonly NodeDefinition[] = withImplementationHashes({ sleepNode });

/**
 * Each node gets the hash of its code as this build has it (bin/node-hashes.mjs writes them from
 * the imports above); its cache keys use it, so a result is never reused by code that differs.
 */
function withImplementationHashes(nodes: Record<string, NodeDefinition>): NodeDefinition[] {
  return Object.entries(nodes).map(([name, def]) => {
    EXPORT_NAMES.set(`${def.type}@${def.version}`, name);
    const implementationHash = IMPLEMENTATION_HASHES[name];
    if (!implementationHash) {
      throw new Error(`Node ${def.type}@${def.version} (${name}) has no implementation hash: run node bin/node-hashes.mjs`);
    }
    return { ...def, implementationHash };
  });
}

export interface RegistryOptions {
  testNodes?: boolean;
  /** `type@version` → hash, replacing the built ones: how tests stand up an upgraded build. */
  implementationHashes?: Readonly<Record<string, string>>;
}

export function createRegistry(options: RegistryOptions = {}): NodeRegistry {
  const overrides = options.implementationHashes ?? {};
  const all = (options.testNodes ? [...BUILT_IN, ...TEST_ONLY] : [...BUILT_IN]).map((def) => {
    const hash = overrides[`${def.type}@${def.version}`];
    return hash ? { ...def, implementationHash: hash } : def;
  });
  for (const key of Object.keys(overrides)) {
    if (!all.some((def) => `${def.type}@${def.version}` === key)) throw new Error(`No built-in node ${key} to give another implementation hash`);
  }
  const registryHash = Object.keys(overrides).length === 0 ? REGISTRY_HASH : sha256Hex(canonicalJSON({ built: REGISTRY_HASH, overrides }));
  const byKey = new Map<string, NodeDefinition>();
  const latest = new Map<string, NodeDefinition>();
  for (const def of all) {
    const key = `${def.type}@${def.version}`;
    if (byKey.has(key)) throw new Error(`Node ${key} is registered twice`);
    if (!(CATEGORY_ORDER as readonly string[]).includes(def.category)) {
      throw new Error(`Node ${key} has unknown category "${def.category}"`);
    }
    byKey.set(key, def);
    if ((latest.get(def.type)?.version ?? 0) < def.version) latest.set(def.type, def);
  }
  const rank = (def: NodeDefinition) => (CATEGORY_ORDER as readonly string[]).indexOf(def.category);
  // Stable sort: within a category, the order of the lists above.
  const palette = Object.freeze([...latest.values()].sort((a, b) => rank(a) - rank(b)));

  return {
    build: { pipeworksVersion: PIPEWORKS_VERSION, registryHash },
    get: (type, version) => (version === undefined ? latest.get(type) : byKey.get(`${type}@${version}`)),
    latestVersion: (type) => latest.get(type)?.version,
    /** The latest version of each type, in palette order; older versions stay reachable through get(). */
    list: () => palette,
  };
}
