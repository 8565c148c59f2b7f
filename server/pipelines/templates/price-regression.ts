// House prices: sales → validate → random split → linear regression → evaluation gated on R².
import { sampleDataset } from '../../../nodes/ingest/samples/manifest';
import { gridNode, templateDoc, trainAndEvaluateEdges, type PipelineTemplate } from './template';

const SAMPLE = sampleDataset('house-prices');

export const priceRegressionTemplate: PipelineTemplate = {
  id: 'price-regression',
  title: 'Price regression',
  description:
    'Estimates what a house sells for from its size, location and age. A linear model keeps it readable: ' +
    'what a square metre, or a kilometre from the centre, is worth.',
  category: 'regression',
  useCase: 'What is this property worth?',
  dataset: { name: SAMPLE.name, rows: SAMPLE.rows, description: 'Synthetic house sales' },
  trains: 'Linear regression (least squares)',
  headlineMetric: 'r2',
  estimatedSeconds: 5,
  build(id, name) {
    const nodes = [
      gridNode('ingest', 'ingest/sample-dataset', 'House sales', { dataset: SAMPLE.name }, { column: 0 }),
      gridNode(
        'validate',
        'clean/validate',
        'Check the sales',
        {
          expectations: [
            { kind: 'not_null', column: 'price' },
            { kind: 'range', column: 'price', min: 1 },
            { kind: 'range', column: 'area_m2', min: 10, max: 2000 },
            // A few houses were never energy-certified; training fills them, but many more would mean a broken extract.
            { kind: 'missing_fraction_at_most', column: 'energy_rating', max: 0.1 },
          ],
          failOn: 'error',
        },
        { column: 1 },
      ),
      gridNode('split', 'split/random', 'Random split', { train: 0.75, validation: 0, test: 0.25, seed: 0 }, { column: 2 }),
      // Median imputation: a handful of unknown building ages should not pull towards the mean of a skewed column.
      gridNode('train', 'train/linear-regression', 'Linear regression', { target: 'price', numericImpute: 'median' }, { column: 3 }),
      gridNode('evaluate', 'evaluate/model', 'Evaluate', { gates: [{ metric: 'r2', op: '>=', value: 0.7 }] }, { column: 4 }),
    ];
    const edges = trainAndEvaluateEdges(['validate']);
    const description =
      `${SAMPLE.title}: the sales are checked (a price, a plausible area, few missing energy ratings), split 75/25 ` +
      'at random, and a least-squares linear regression is evaluated on the test side; the quality gate needs R² ≥ 0.7.';
    return templateDoc(id, name, description, nodes, edges);
  },
};
