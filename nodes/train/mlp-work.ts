// The MLP's training work before it runs, for placement's time estimates: every epoch (early
// stopping may end sooner) over the largest source's rows (a split upstream passes fewer), so
// the estimate is an upper bound on both sides alike, and the comparison stays fair.
import { mlpWeights, type DataShape, type TrainingWork } from '../../engine/training-speed';
import type { MlpParams } from './mlp-params';

type WorkParams = Pick<MlpParams, 'hiddenLayers' | 'epochs' | 'batchSize'> & { features?: string[] };

export function mlpTrainingWork(params: WorkParams, data: DataShape): TrainingWork | undefined {
  // Without a features list, every column but the target is a feature. One-hot encoding can widen
  // the first layer further; a class count above two widens the last one. Neither is known yet.
  const inputs = params.features?.length ? params.features.length : data.columns - 1;
  if (inputs < 1 || data.rows < 1) return undefined;
  const batch = Math.min(params.batchSize, data.rows);
  return { steps: params.epochs * Math.ceil(data.rows / batch), batch, weights: mlpWeights(inputs, params.hiddenLayers, 1) };
}
