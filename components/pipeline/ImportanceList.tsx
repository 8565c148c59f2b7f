'use client';
// Permutation importance: how much the metric worsens when one column is shuffled, most first,
// as small bars. Columns that do not matter (or help when shuffled) get no bar.
import { useState } from 'react';
import type { ImportanceResult } from '../../nodes/evaluate/permutation-importance';
import { formatNumber } from '../ui/format';
import { metricLabel } from './metric-labels';
import { SectionTitle } from './SectionTitle';

const FIRST_SHOWN = 10;
/** Shuffling noise far below any real effect prints as 0 rather than −7.4e-17. */
const NOISE = 1e-12;

function formatDrop(v: number): string {
  return Math.abs(v) < NOISE ? '0' : formatNumber(v);
}

export function ImportanceList({ importance }: { importance: ImportanceResult }) {
  const [all, setAll] = useState(false);
  const features = [...importance.features].sort((a, b) => b.mean - a.mean);
  const largest = Math.max(...features.map((f) => f.mean), NOISE);
  const shown = all ? features : features.slice(0, FIRST_SHOWN);
  const hint = `drop in ${metricLabel(importance.metric)} when a column is shuffled · ${importance.repeats} repeats`;
  return (
    <section>
      <SectionTitle hint={hint}>Permutation importance</SectionTitle>
      <ol className="flex flex-col gap-1 text-xs" data-testid="importance">
        {shown.map((f) => {
          const share = f.mean > NOISE ? f.mean / largest : 0;
          return (
            <li key={f.column} className="grid grid-cols-[minmax(0,10rem)_1fr_4.5rem] items-center gap-2" title={`${f.column}: ${formatDrop(f.mean)} ± ${formatDrop(f.std)}`}>
              <span className="truncate text-zinc-700">{f.column}</span>
              <span className="h-2 rounded-sm bg-zinc-100">
                <span className="block h-2 rounded-sm bg-indigo-400" style={{ width: `${share * 100}%` }} />
              </span>
              <span className={`text-right tabular-nums ${share > 0 ? 'text-zinc-800' : 'text-zinc-400'}`}>{formatDrop(f.mean)}</span>
            </li>
          );
        })}
      </ol>
      {features.length > FIRST_SHOWN ? (
        <button type="button" onClick={() => setAll(!all)} className="mt-1.5 text-xs font-medium text-indigo-600 hover:text-indigo-500">
          {all ? 'Show the top 10' : `Show all ${features.length} columns`}
        </button>
      ) : null}
    </section>
  );
}
