// Random forest for classification and regression.
import { defineTrainNode } from './define-train-node';
import { forestEstimator, forestParamsShape } from './forest-estimator';

export const randomForestNode = defineTrainNode({
  type: 'train/random-forest',
  title: 'Random forest',
  description:
    'An ensemble of CART decision trees on bootstrap samples, like scikit-learn\'s RandomForestClassifier and ' +
    'RandomForestRegressor: classifies a categorical target, regresses a numeric one (see Task). Reports the ' +
    'out-of-bag score. Features are not scaled by default; trees do not need it.',
  estimator: forestEstimator,
  params: forestParamsShape,
  tasks: ['classification', 'regression'],
  preprocessDefaults: { scale: 'none' },
});
