// How a model was trained, from its stored training record: rows, iterations or epochs, final
// loss, backend and params first, then any other figures the estimator kept.
import type { ReactNode } from 'react';
import type { JsonObject, JsonValue } from '../../nodes/values';
import { formatNumber } from '../ui/format';
import { SectionTitle } from './SectionTitle';

/** Keys shown in their own rows (or above, in the model summary); the rest are listed as they come. */
const SHOWN = new Set(['algorithm', 'rows', 'validationRows', 'features', 'iterations', 'epochs', 'bestEpoch', 'stoppedEarly', 'converged', 'stop', 'loss', 'valLoss', 'backend', 'history', 'params', 'search', 'leftOut']);

const num = (v: JsonValue | undefined) => (typeof v === 'number' ? v : null);
const str = (v: JsonValue | undefined) => (typeof v === 'string' ? v : null);

export function TrainingSummary({ training: t }: { training: JsonObject }) {
  const rows: [string, ReactNode][] = [];
  const count = num(t.rows);
  if (count !== null) rows.push(['Rows', `${formatNumber(count)}${num(t.validationRows) !== null ? ` · validation ${formatNumber(num(t.validationRows))}` : ''}`]);
  const length = lengthOf(t);
  if (length) rows.push(length);
  const loss = num(t.loss);
  if (loss !== null) rows.push(['Final loss', lossText(t, loss)]);
  const backend = str(t.backend);
  if (backend) rows.push(['Backend', backend]);
  const search = searchText(t.search);
  if (search) rows.push(['Search', search]);
  for (const [key, value] of Object.entries(t)) {
    if (SHOWN.has(key) || (typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean')) continue;
    rows.push([words(key), typeof value === 'number' ? formatNumber(value) : String(value)]);
  }
  const params = t.params && typeof t.params === 'object' && !Array.isArray(t.params) ? Object.entries(t.params) : [];
  if (params.length) rows.push(['Params', <Params key="params" params={params} />]);

  return (
    <section>
      <SectionTitle>Training</SectionTitle>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-md border border-zinc-200 px-3 py-2.5 text-xs" data-testid="model-training">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-500">{label}</dt>
            <dd className="text-zinc-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "40 epochs, kept epoch 31 (stopped early)" or "31 iterations, converged (ftol)". */
function lengthOf(t: JsonObject): [string, string] | null {
  const epochs = num(t.epochs);
  if (epochs !== null) {
    const best = num(t.bestEpoch);
    return ['Epochs', `${formatNumber(epochs)}${best !== null && best !== epochs ? `, kept epoch ${formatNumber(best)}` : ''}${t.stoppedEarly === true ? ' (stopped early)' : ''}`];
  }
  const iterations = num(t.iterations);
  if (iterations === null) return null;
  const trees = str(t.algorithm)?.includes('forest');
  const converged = t.converged === true ? ', converged' : t.converged === false ? ', did not converge' : '';
  const stop = str(t.stop) ? ` (stop: ${str(t.stop)})` : '';
  return [trees ? 'Trees' : 'Iterations', `${formatNumber(iterations)}${converged}${stop}`];
}

function lossText(t: JsonObject, loss: number): string {
  const history = Array.isArray(t.history) ? t.history : [];
  const first = history[0] && typeof history[0] === 'object' && !Array.isArray(history[0]) ? num(history[0].loss) : null;
  const valLoss = num(t.valLoss);
  return `${formatNumber(loss)}${first !== null && history.length > 1 ? ` (from ${formatNumber(first)})` : ''}${valLoss !== null ? ` · validation ${formatNumber(valLoss)}` : ''}`;
}

function searchText(search: JsonValue | undefined): string | null {
  if (!search || typeof search !== 'object' || Array.isArray(search)) return null;
  const trial = num(search.trial);
  const value = num(search.value);
  return `best trial ${trial ?? '?'}${str(search.metric) ? `, ${str(search.metric)} ${formatNumber(value)}` : ''}`;
}

function words(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replaceAll('_', ' ').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function Params({ params }: { params: [string, JsonValue][] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {params.map(([k, v]) => (
        <span key={k} className="rounded bg-zinc-100 px-1.5 py-px font-mono text-[10px] text-zinc-700">
          {k}={typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)}
        </span>
      ))}
    </span>
  );
}
