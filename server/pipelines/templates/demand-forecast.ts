// Store demand: daily sales → validate → time split (train on the past, test on the last months) →
// random forest regression → evaluation gated on R².
import { sampleDataset } from '../../../nodes/ingest/samples/manifest';
import { gridNode, templateDoc, trainAndEvaluateEdges, type PipelineTemplate } from './template';

const SAMPLE = sampleDataset('store-demand');

export const demandForecastTemplate: PipelineTemplate = {
  id: 'demand-forecast',
  title: 'Demand forecast',
  description:
    'Forecasts daily units sold per store from the calendar, promotions and the weather, tested on the ' +
    'latest months it never saw, as a forecast meets the future.',
  category: 'forecasting',
  useCase: 'How much will each store sell next week?',
  dataset: { name: SAMPLE.name, rows: SAMPLE.rows, description: 'Synthetic daily sales of 5 stores' },
  trains: 'Random forest regression (60 trees)',
  headlineMetric: 'r2',
  estimatedSeconds: 10,
  build(id, name) {
    const nodes = [
      gridNode('ingest', 'ingest/sample-dataset', 'Daily store sales', { dataset: SAMPLE.name }, { column: 0 }),
      gridNode(
        'validate',
        'clean/validate',
        'Check the sales',
        {
          expectations: [
            { kind: 'not_null', column: 'units_sold' },
            { kind: 'range', column: 'units_sold', min: 0 },
            { kind: 'not_null', column: 'date' },
          ],
          failOn: 'error',
        },
        { column: 1 },
      ),
      // The oldest 75% of days train, the newest 25% test; a day's five stores stay on one side.
      gridNode('split', 'split/time', 'Time split', { train: 0.75, validation: 0, test: 0.25 }, { column: 2 }),
      // Trees catch what a linear model cannot: a promotion adds more units in a big store than in a small one.
      gridNode(
        'train',
        'train/random-forest',
        'Random forest',
        { target: 'units_sold', task: 'regression', nEstimators: 60, minSamplesLeaf: 2, seed: 0 },
        { column: 3 },
      ),
      gridNode('evaluate', 'evaluate/model', 'Evaluate the forecast', { gates: [{ metric: 'r2', op: '>=', value: 0.7 }] }, { column: 4 }),
    ];
    const edges = trainAndEvaluateEdges(['validate']);
    const description =
      `${SAMPLE.title}: checked, then split by date so the oldest 75% of days train and the newest 25% test. ` +
      'A random forest of 60 trees learns units sold from store, weekday, month, holidays, promotions and ' +
      'temperature; the quality gate on the unseen months needs R² ≥ 0.7.';
    return templateDoc(id, name, description, nodes, edges);
  },
};
