// Fixtures for simulator tests and demos: a logistic model over the card-fraud table's columns
// (hand-set weights that lean on amount, card-not-present and night hours, as the generator's
// reference world does), registered with the reference statistics of generator rows at drift 0,
// behind an endpoint with a key — what the studio has after training, registering and deploying.
import type { ModelArtifact } from '../../nodes/models/model-artifact';
import { FOREIGN_COUNTRIES, HOME_COUNTRY, MERCHANT_CATEGORIES } from '../../nodes/ingest/fraud-world';
import { referenceProfile } from '../../nodes/monitor/drift/reference-profile';
import type { AnyDb } from '../db/any-db';
import { addKey, createEndpoint, deploy, registerModel, type EndpointSettings } from '../serving/test-kit';
import { driftRows } from './drift-rows';
import { driftScenarioSchema } from './drift-scenario';

const NUMERIC = [
  // name, offset, scale, weight
  ['amount', 80, 120, 0.9],
  ['hour', 12, 7, -0.4],
  ['customer_age', 44, 14, 0],
  ['distance_from_home_km', 100, 500, 0.3],
] as const;
const COUNTRIES = [HOME_COUNTRY, ...FOREIGN_COUNTRIES];

export function cardFraudModel(): ModelArtifact {
  const oneHot = (name: string, categories: readonly string[], source: 'categorical' | 'boolean') => ({
    kind: 'categorical' as const,
    name,
    source,
    fill: categories[0],
    categories: [...categories],
    encoding: 'one_hot' as const,
    missing: 0,
  });
  const columns = [
    ...NUMERIC.map(([name, offset, scale]) => ({ kind: 'numeric' as const, name, source: 'numeric' as const, fill: offset, offset, scale, missing: 0 })),
    oneHot('merchant_category', MERCHANT_CATEGORIES, 'categorical'),
    oneHot('country', COUNTRIES, 'categorical'),
    oneHot('card_present', ['false', 'true'], 'boolean'),
  ];
  const features = columns.flatMap((c) => (c.kind === 'numeric' ? [c.name] : [...c.categories, '__unseen__'].map((v) => `${c.name}=${v}`)));
  const weight = (feature: string): number => {
    const numeric = NUMERIC.find(([name]) => name === feature);
    if (numeric) return numeric[3];
    if (feature === 'card_present=false') return 1.6;
    if (feature === 'merchant_category=gambling' || feature === 'merchant_category=electronics') return 1.2;
    if (feature.startsWith('country=') && feature !== `country=${HOME_COUNTRY}`) return 1.4;
    return 0;
  };
  return {
    format: 'pipeworks/logistic',
    task: 'binary',
    target: 'is_fraud',
    inputs: columns.map((c) => ({ name: c.name, type: c.source, role: 'feature' as const })),
    preprocessing: { version: 1, columns, dropped: [], features },
    labels: ['0', '1'],
    payload: { features: features.length, weights: features.map(weight), intercepts: [-4.5] },
    training: { algorithm: 'pipeworks/logistic', leftOut: [{ name: 'transaction_id', role: 'id' }] },
  };
}

/** Registers the model with the reference of `rows` generator rows at drift 0, deploys it and makes a key. */
export async function seedCardFraudEndpoint(db: AnyDb, dataDir: string, name = 'card-fraud', settings: EndpointSettings = {}, rows = 4000) {
  const model = cardFraudModel();
  const training = driftRows(driftScenarioSchema.parse({ seed: 101 }), rows);
  const profile = referenceProfile(
    model.inputs.map((input) => ({ name: input.name, type: input.type, values: training.map((r) => r.values[input.name]) })),
    { name: 'is_fraud', type: 'categorical', values: training.map((r) => r.label) },
    rows,
  );
  const version = await registerModel(db, dataDir, model, name, undefined, { reference: { dataArtifactId: 'f'.repeat(64), profile } });
  const endpointId = await createEndpoint(db, name, version.modelId, settings);
  await deploy(db, endpointId, version.versionId);
  return { endpointId, versionId: version.versionId, key: (await addKey(db, endpointId)).key };
}
