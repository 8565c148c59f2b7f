// Quality gates as pass/fail lines: "ROC AUC ≥ 0.98 — observed 0.9901".
import type { GateResult } from '../../nodes/evaluate/gates';
import { formatNumber } from '../ui/format';
import { metricLabel, opSymbol } from './metric-labels';
import { PassFailBadge } from './PassFailBadge';
import { SectionTitle } from './SectionTitle';

export function QualityGates({ gates }: { gates: GateResult[] }) {
  const failed = gates.filter((g) => !g.passed).length;
  return (
    <section>
      <SectionTitle hint={failed ? `${failed} of ${gates.length} failed` : `all ${gates.length} passed`}>Quality gates</SectionTitle>
      <ul className="flex flex-col gap-1">
        {gates.map((g, i) => (
          <li
            key={`${g.metric}-${i}`}
            data-testid={`gate-${g.metric}`}
            data-passed={g.passed}
            className={`flex items-center gap-2 rounded-md border px-2.5 py-1.5 text-xs ${g.passed ? 'border-emerald-200 bg-emerald-50/60' : 'border-red-200 bg-red-50'}`}
          >
            <PassFailBadge passed={g.passed} />
            <span className="font-medium text-zinc-800">
              {metricLabel(g.metric)} {opSymbol(g.op)} {formatNumber(g.value)}
            </span>
            <span className="ml-auto text-zinc-500 tabular-nums">
              observed <span className={`font-medium ${g.passed ? 'text-zinc-800' : 'text-red-700'}`}>{g.observed === null ? 'undefined' : formatNumber(g.observed)}</span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
