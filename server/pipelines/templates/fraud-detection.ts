// Card fraud: generated transactions → validate → stratified split → a small neural network with
// balanced class weights (TF.js, so it can train on the user's GPU in the browser) → evaluation
// where a missed fraud costs 20 times a blocked good customer.
import { gridNode, templateDoc, trainAndEvaluateEdges, type PipelineTemplate } from './template';

const ROWS = 20_000;

export const fraudDetectionTemplate: PipelineTemplate = {
  id: 'fraud-detection',
  title: 'Fraud detection',
  description:
    'Flags likely fraud among card transactions. Only 2% are fraud, so the model weights them up and the ' +
    'evaluation prices a missed fraud at 20 false alarms.',
  category: 'classification',
  useCase: 'Which transactions should we block or review?',
  dataset: {
    name: 'ingest/synthetic-fraud',
    rows: ROWS,
    description: 'Synthetic card transactions',
  },
  trains: 'A small neural network (TF.js) with balanced class weights',
  headlineMetric: 'roc_auc',
  estimatedSeconds: 5,
  build(id, name) {
    const nodes = [
      gridNode('ingest', 'ingest/synthetic-fraud', 'Card transactions', { rows: ROWS, seed: 0, fraudRate: 0.02, drift: 0, startDate: '2026-01-01', days: 30 }, { column: 0 }),
      gridNode(
        'validate',
        'clean/validate',
        'Check the transactions',
        {
          // The generator never breaks these; data from elsewhere might, and then the run stops here.
          expectations: [
            { kind: 'not_null', column: 'is_fraud' },
            { kind: 'allowed_values', column: 'is_fraud', values: ['0', '1'] },
            { kind: 'range', column: 'amount', min: 0 },
            { kind: 'unique', column: 'transaction_id' },
          ],
          failOn: 'error',
        },
        { column: 1 },
      ),
      gridNode('split', 'split/random', 'Stratified split', { train: 0.75, validation: 0, test: 0.25, seed: 0, stratifyBy: 'is_fraud' }, { column: 2 }),
      gridNode(
        'train',
        'train/mlp',
        'Neural network',
        // Few, large batches: it trains in seconds on the server's wasm and on a browser's WebGPU alike.
        { target: 'is_fraud', classWeight: 'balanced', hiddenLayers: [32, 16], epochs: 12, batchSize: 1024, learningRate: 0.01, seed: 0 },
        { column: 3 },
      ),
      gridNode(
        'evaluate',
        'evaluate/model',
        'Evaluate with fraud costs',
        {
          positiveLabel: '1',
          // A missed fraud is a chargeback (about 20 × the cost of a blocked good customer's call to support).
          falsePositiveCost: 1,
          falseNegativeCost: 20,
          // Ranking well is not enough: acting on the scores must clearly beat flagging nobody (or everyone).
          gates: [
            { metric: 'roc_auc', op: '>=', value: 0.8 },
            { metric: 'baseline_saving_pct', op: '>=', value: 20 },
          ],
        },
        { column: 4 },
      ),
    ];
    const edges = trainAndEvaluateEdges(['validate']);
    const description =
      '20,000 synthetic card transactions (seed 0, 2% fraud), checked, then split 75/25 stratified by is_fraud. ' +
      'A small neural network (32 and 16 units, TF.js) with balanced class weights is evaluated on the test side, where a missed fraud costs 20 and ' +
      'blocking a good customer 1; the quality gate needs ROC AUC ≥ 0.8.';
    return templateDoc(id, name, description, nodes, edges);
  },
};
