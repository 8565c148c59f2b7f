// A validate node's report: the verdict, each expectation with pass or fail, what was observed,
// the column it checks and the rows that fail it, then the data warnings, each naming its column.
import type { ValidationReport as Report } from '../../nodes/clean/validate.node';
import { formatNumber } from '../ui/format';
import { PassFailBadge } from './PassFailBadge';
import { SectionTitle } from './SectionTitle';
import { failingRowsText, observedText } from './validation-words';

/** Warning codes in words, for the chip beside each warning. */
const WARNINGS: Record<string, string> = {
  single_class: 'one class',
  constant: 'constant',
  id_like: 'looks like an id',
  no_finite_values: 'no numbers',
  possible_leak: 'possible leak',
};

export function ValidationReport({ report }: { report: Report }) {
  const failed = report.expectations.filter((e) => !e.passed).length;
  return (
    <div className="flex flex-col gap-4" data-testid="validation-report">
      <p className="flex items-center gap-2 text-xs text-zinc-500">
        <PassFailBadge passed={report.passed} />
        <span>
          {formatNumber(report.rows)} rows checked · {report.expectations.length - failed} of {report.expectations.length} expectations met ·{' '}
          {report.warnings.length} {report.warnings.length === 1 ? 'warning' : 'warnings'}
        </span>
      </p>

      <section>
        <SectionTitle hint={report.expectations.length === 0 ? undefined : failed ? `${failed} failed` : 'all met'}>Expectations</SectionTitle>
        {report.expectations.length === 0 ? (
          <p className="text-xs text-zinc-500">No expectations are set on this node; add them in its parameters.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {report.expectations.map((e, i) => (
              <li
                key={i}
                data-testid={`expectation-${i}`}
                data-passed={e.passed}
                className={`rounded-md border px-2.5 py-1.5 text-xs ${e.passed ? 'border-emerald-200 bg-emerald-50/60' : 'border-red-200 bg-red-50'}`}
              >
                <div className="flex items-center gap-2">
                  <PassFailBadge passed={e.passed} />
                  <span className="font-medium text-zinc-800">{e.description}</span>
                </div>
                <p className="mt-0.5 pl-1 text-zinc-600">
                  {e.column ? (
                    <>
                      column <span className="font-mono text-[11px] text-zinc-800">{e.column}</span> ·{' '}
                    </>
                  ) : null}
                  {observedText(e)}
                </p>
                {failingRowsText(e) ? <p className={`pl-1 tabular-nums ${e.passed ? 'text-zinc-500' : 'text-red-700'}`}>{failingRowsText(e)}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <SectionTitle hint="things that often mean trouble for a model">Data warnings</SectionTitle>
        {report.warnings.length === 0 ? (
          <p className="text-xs text-zinc-500">None: no constant, id-like or leaking columns, and the target has more than one class.</p>
        ) : (
          <ul className="flex flex-col gap-1" data-testid="data-warnings">
            {report.warnings.map((w, i) => (
              <li key={i} data-column={w.column} className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50/70 px-2.5 py-1.5 text-xs text-amber-900">
                <span className="shrink-0 rounded bg-amber-100 px-1.5 py-px text-[10px] font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">{WARNINGS[w.code] ?? w.code}</span>
                {/* The message names its column already. */}
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
