// Customer churn: telco customers → id role → missing values → stratified split → balanced logistic
// regression → evaluation where losing a customer costs more than an unneeded retention offer.
import { sampleDataset } from '../../../nodes/ingest/samples/manifest';
import { gridNode, templateDoc, trainAndEvaluateEdges, type PipelineTemplate } from './template';

const SAMPLE = sampleDataset('customer-churn');

export const customerChurnTemplate: PipelineTemplate = {
  id: 'customer-churn',
  title: 'Customer churn',
  description:
    'Predicts which customers are about to leave, so retention offers reach the right people. Fills the ' +
    'gaps in the data first, then weighs a lost customer against an offer nobody needed.',
  category: 'classification',
  useCase: 'Who will cancel next month?',
  dataset: { name: SAMPLE.name, rows: SAMPLE.rows, description: 'Synthetic telco customers' },
  trains: 'Logistic regression with balanced class weights',
  headlineMetric: 'roc_auc',
  estimatedSeconds: 5,
  build(id, name) {
    const nodes = [
      gridNode('ingest', 'ingest/sample-dataset', 'Telco customers', { dataset: SAMPLE.name }, { column: 0 }),
      gridNode('roles', 'clean/set-roles', 'Mark the customer id', { roles: [{ column: 'customer_id', role: 'id' }] }, { column: 1 }),
      gridNode(
        'missing',
        'clean/missing-values',
        'Handle missing values',
        {
          strategy: 'leave',
          columns: [
            // Customers whose outcome is still pending teach the model nothing.
            { column: 'churned', strategy: 'drop_rows' },
            // Empty total charges belong to customers in their first month: they have paid nothing yet.
            { column: 'total_charges', strategy: 'fill_constant', value: 0 },
            // An unrecorded payment method is a category of its own, not the most common one.
            { column: 'payment_method', strategy: 'fill_constant', value: 'unknown' },
          ],
        },
        { column: 2 },
      ),
      gridNode('split', 'split/random', 'Stratified split', { train: 0.75, validation: 0, test: 0.25, seed: 0, stratifyBy: 'churned' }, { column: 3 }),
      gridNode('train', 'train/logistic-regression', 'Logistic regression', { target: 'churned', classWeight: 'balanced' }, { column: 4 }),
      gridNode(
        'evaluate',
        'evaluate/model',
        'Evaluate with offer costs',
        {
          positiveLabel: 'yes',
          // An offer to a customer who would have stayed costs its discount; a customer lost costs about a year's margin.
          falsePositiveCost: 20,
          falseNegativeCost: 120,
          currency: 'EUR',
          // Ranking well is not enough: acting on the scores must clearly beat flagging nobody (or everyone).
          gates: [
            { metric: 'roc_auc', op: '>=', value: 0.8 },
            { metric: 'baseline_saving_pct', op: '>=', value: 20 },
          ],
        },
        { column: 5 },
      ),
    ];
    const edges = trainAndEvaluateEdges(['roles', 'missing']);
    const description =
      `${SAMPLE.title}: customer_id becomes an id (never a feature), rows without an outcome are dropped, missing ` +
      'total charges are 0 and a missing payment method is "unknown". A 75/25 split stratified by churned trains a ' +
      'balanced logistic regression; on the test side a lost customer costs EUR 120 and an unneeded offer EUR 20, and ' +
      'the quality gate needs ROC AUC ≥ 0.8.';
    return templateDoc(id, name, description, nodes, edges);
  },
};
