import { describe, expect, it } from 'vitest';
import type { Predictions } from '../../nodes/models/predict';
import type { Scored } from './infer';
import type { LoadedModel } from './loaded-model';
import { v2AnswerText } from './v2-answer';

/** The answer object as the route built it before the text was written directly: the reference. */
function reference(name: string, id: string | undefined, s: Scored, wanted: string[] | null): string {
  const p: Predictions = s.predictions;
  const k = p.labels.length;
  const rows = p.task === 'regression' ? p.scores.length : p.scores.length / k;
  const values: (string | number)[] = [];
  for (let i = 0; i < rows; i++) {
    if (p.task === 'regression') values.push(p.scores[i]);
    else {
      let best = 0;
      for (let j = 1; j < k; j++) if (p.scores[i * k + j] > p.scores[i * k + best]) best = j;
      values.push(p.labels[best]);
    }
  }
  const outputs: Record<string, unknown>[] = [{ name: 'predict', datatype: p.task === 'regression' ? 'FP64' : 'BYTES', shape: [rows], data: values }];
  if (p.task !== 'regression') outputs.push({ name: 'predict_proba', datatype: 'FP64', shape: [rows, k], data: Array.from(p.scores), parameters: { labels: JSON.stringify(p.labels) } });
  if (s.predictionIds) outputs.push({ name: 'prediction_id', datatype: 'BYTES', shape: [rows], data: s.predictionIds });
  const parameters: Record<string, unknown> = { role: s.role, logged: s.predictionIds !== null };
  if (s.unseen.length) parameters.unseen_categories = s.unseen.map((u) => `row ${u.row} ${u.column}=${JSON.stringify(u.value)}`).join('; ');
  return JSON.stringify({
    model_name: name,
    model_version: String(s.model.version),
    ...(id !== undefined ? { id } : {}),
    parameters,
    outputs: outputs.filter((o) => wanted === null || wanted.includes(o.name as string)),
  });
}

const model = (version: number) => ({ version }) as LoadedModel;

describe('v2AnswerText', () => {
  const cases: [string, string | undefined, Scored, string[] | null][] = [
    ['bench-mlp', undefined, { model: model(1), role: 'primary', predictions: { task: 'binary', labels: ['0', '1'], scores: Float64Array.from([0.52837908, 0.47162092]) }, unseen: [], predictionIds: ['a85b3090-7d74-4b8e-9c15-8fab1411709e'] }, null],
    ['fraud "x"', 'req\n1', { model: model(12), role: 'canary', predictions: { task: 'multiclass', labels: ['a"b', 'ü', 'c'], scores: Float64Array.from([0.2, 0.2, 0.6, 0.5, 0.5, 0, NaN, 1, 0]) }, unseen: [{ row: 1, column: 'city', value: 'Zürich "new"' }], predictionIds: null }, null],
    ['reg', 'r', { model: model(3), role: 'primary', predictions: { task: 'regression', labels: [], scores: Float64Array.from([-0, 1e21, -1.5e-7, Infinity]) }, unseen: [], predictionIds: ['1', '2', '3', '4'] }, null],
    ['bench-mlp', undefined, { model: model(1), role: 'primary', predictions: { task: 'binary', labels: ['no', 'yes'], scores: Float64Array.from([0.1, 0.9]) }, unseen: [], predictionIds: ['id'] }, ['prediction_id', 'predict']],
    ['bench-mlp', undefined, { model: model(1), role: 'primary', predictions: { task: 'binary', labels: ['no', 'yes'], scores: Float64Array.from([0.1, 0.9]) }, unseen: [], predictionIds: null }, ['prediction_id']],
    ['reg', undefined, { model: model(3), role: 'shadow', predictions: { task: 'regression', labels: [], scores: Float64Array.from([2]) }, unseen: [], predictionIds: null }, ['predict_proba']],
  ];
  it('writes exactly the text JSON.stringify gives for the answer object', () => {
    for (const [name, id, scored, wanted] of cases) {
      const text = v2AnswerText(name, id, scored, wanted);
      expect(text).toBe(reference(name, id, scored, wanted));
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('follows a model whose labels change', () => {
    const m = model(1);
    const scored = (labels: string[]): Scored => ({ model: m, role: 'primary', predictions: { task: 'binary', labels, scores: Float64Array.from([0.3, 0.7]) }, unseen: [], predictionIds: null });
    expect(v2AnswerText('e', undefined, scored(['a', 'b']), null)).toBe(reference('e', undefined, scored(['a', 'b']), null));
    expect(v2AnswerText('e', undefined, scored(['c', 'd']), null)).toBe(reference('e', undefined, scored(['c', 'd']), null));
  });
});
