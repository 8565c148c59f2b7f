// 'train/mlp': the TF.js multilayer perceptron as a train node. Declared non-deterministic: on one
// backend a seed gives the same weights (a test checks it on wasm), but a browser on webgl or
// webgpu and the server on wasm round differently, so a shared cache key would be a promise
// the node cannot keep. It re-runs instead.
import { defineTrainNode } from './define-train-node';
import { mlpEstimator } from './mlp-estimator';
import { mlpShape } from './mlp-params';
import { mlpTrainingWork } from './mlp-work';

export const mlpNode = {
  ...defineTrainNode({
    type: 'train/mlp',
    version: 1,
    title: 'Neural network (MLP)',
    description:
      'A multilayer perceptron classifier (sigmoid for two classes, softmax for more) or regressor, trained ' +
      'with minibatch Adam on TF.js (wasm on the server). The loss of each epoch streams to the run; with a ' +
      'validation input it reports validation loss and accuracy and can stop early, keeping the best epoch.',
    estimator: mlpEstimator,
    params: mlpShape,
    tasks: ['classification', 'regression'],
  }),
  deterministic: false,
  usesGpu: true,
  trainingWork: mlpTrainingWork,
};
