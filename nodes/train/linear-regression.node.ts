// Linear (least-squares or ridge) regression, solved exactly.
import { defineTrainNode } from './define-train-node';
import { linearEstimator, linearParamsShape } from './linear-estimator';

export const linearRegressionNode = defineTrainNode({
  type: 'train/linear-regression',
  title: 'Linear regression',
  description:
    'Least squares with an optional ridge penalty, solved exactly through the normal equations like ' +
    'scikit-learn\'s LinearRegression and Ridge. Needs a numeric target. Imputation, scaling and encoding ' +
    'are fitted on the training rows and saved in the model.',
  estimator: linearEstimator,
  params: linearParamsShape,
  tasks: ['regression'],
});
