// The V2 inference answer as JSON text, written directly: the same text JSON.stringify gives for
// the answer object (v2-answer.test.ts checks it against that), without building the object and
// its arrays per request. The parts fixed per model (quoted labels, the labels parameter) are made
// once per model.
import type { Predictions } from '../../nodes/models/predict';
import type { Scored } from './infer';
import type { LoadedModel } from './loaded-model';

export const V2_OUTPUTS = ['predict', 'predict_proba', 'prediction_id'] as const;

interface LabelText {
  labels: readonly string[];
  /** Each label as a JSON string. */
  quoted: string[];
  /** `"parameters":{"labels":"[…]"}` of predict_proba. */
  parameter: string;
}

const labelTexts = new WeakMap<LoadedModel, LabelText>();

function labelText(model: LoadedModel, labels: readonly string[]): LabelText {
  let text = labelTexts.get(model);
  if (!text || !sameStrings(text.labels, labels)) {
    text = { labels, quoted: labels.map((l) => JSON.stringify(l)), parameter: `"parameters":{"labels":${JSON.stringify(JSON.stringify(labels))}}` };
    labelTexts.set(model, text);
  }
  return text;
}

/** A number as JSON.stringify writes it (null for NaN and infinities). */
function num(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

/**
 * `{"model_name", "model_version", "id"?, "parameters", "outputs"}`, the outputs filtered to
 * `wanted` (null: all), in the order and shape of the V2 protocol's inference response.
 */
export function v2AnswerText(name: string, id: string | undefined, scored: Scored, wanted: readonly string[] | null): string {
  const p = scored.predictions;
  const ids = scored.predictionIds;
  let out = `{"model_name":${JSON.stringify(name)},"model_version":"${scored.model.version}",`;
  if (id !== undefined) out += `"id":${JSON.stringify(id)},`;
  out += `"parameters":{"role":${JSON.stringify(scored.role)},"logged":${ids !== null}`;
  if (scored.unseen.length) {
    out += `,"unseen_categories":${JSON.stringify(scored.unseen.map((u) => `row ${u.row} ${u.column}=${JSON.stringify(u.value)}`).join('; '))}`;
  }
  out += '},"outputs":[';
  let first = true;
  const open = (output: string): boolean => {
    if (wanted !== null && !wanted.includes(output)) return false;
    if (!first) out += ',';
    first = false;
    return true;
  };
  if (p.task === 'regression') {
    const rows = p.scores.length;
    if (open('predict')) out += `{"name":"predict","datatype":"FP64","shape":[${rows}],"data":[${numbers(p.scores, 0, rows)}]}`;
  } else {
    const k = p.labels.length;
    const rows = p.scores.length / k;
    const text = labelText(scored.model, p.labels);
    if (open('predict')) out += `{"name":"predict","datatype":"BYTES","shape":[${rows}],"data":[${bestLabels(p, text.quoted, rows)}]}`;
    if (open('predict_proba')) out += `{"name":"predict_proba","datatype":"FP64","shape":[${rows},${k}],"data":[${numbers(p.scores, 0, p.scores.length)}],${text.parameter}}`;
  }
  if (ids !== null && open('prediction_id')) {
    out += `{"name":"prediction_id","datatype":"BYTES","shape":[${ids.length}],"data":[`;
    for (let i = 0; i < ids.length; i++) out += (i ? ',"' : '"') + ids[i] + '"'; // UUIDs: nothing to escape
    out += ']}';
  }
  return `${out}]}`;
}

function numbers(values: Float64Array, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += i > from ? `,${num(values[i])}` : num(values[i]);
  return out;
}

/** The most probable label of each row (the first on ties), quoted. */
function bestLabels(p: Predictions, quoted: string[], rows: number): string {
  const k = quoted.length;
  let out = '';
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (p.scores[i * k + j] > p.scores[i * k + best]) best = j;
    out += i ? `,${quoted[best]}` : quoted[best];
  }
  return out;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
