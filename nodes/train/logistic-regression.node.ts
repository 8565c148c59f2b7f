// Logistic regression: L-BFGS on scikit-learn's objective, binary or multinomial.
import { defineTrainNode } from './define-train-node';
import { logisticEstimator, logisticParamsShape } from './logistic-estimator';

export const logisticRegressionNode = defineTrainNode({
  type: 'train/logistic-regression',
  title: 'Logistic regression',
  description:
    'Linear classifier with an L2 penalty, fitted exactly (L-BFGS) like scikit-learn\'s LogisticRegression: ' +
    'binary for two classes, multinomial for more. A numeric target is read as classes (at most 50). ' +
    'Imputation, scaling and encoding are fitted on the training rows and saved in the model.',
  estimator: logisticEstimator,
  params: logisticParamsShape,
  tasks: ['classification'],
});
