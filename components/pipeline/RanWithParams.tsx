// Under a node's results: the params its step ran with, each one changed since marked with today's
// value, so an old result is never read beside params it did not run with.
import { paramText, type RanParam } from './ran-with-params';

export function RanWithParams({ params }: { params: readonly RanParam[] }) {
  if (params.length === 0) return null;
  const changed = params.filter((p) => p.changed).length;
  return (
    <details className="rounded-md border border-zinc-200 text-xs" open={changed > 0} data-testid="ran-with-params">
      <summary className="cursor-pointer px-3 py-2 font-semibold tracking-wide text-zinc-500 uppercase select-none hover:text-zinc-800">
        Ran with these params
        <span className={`ml-1.5 font-normal tracking-normal normal-case ${changed ? 'text-amber-800' : 'text-zinc-400'}`}>
          {changed ? `${changed} changed since this run` : 'the same as now'}
        </span>
      </summary>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 border-t border-zinc-200 px-3 py-2">
        {params.map((p) => (
          <div key={p.name} className="contents" data-testid={`ran-param-${p.name}`} data-changed={p.changed || undefined}>
            <dt className={p.changed ? 'font-medium text-amber-900' : 'text-zinc-500'}>{p.name}</dt>
            <dd className="min-w-0 truncate font-mono text-[11px] text-zinc-900" title={paramText(p.ran)}>
              {paramText(p.ran)}
              {p.changed ? <span className="ml-2 font-sans text-amber-800">now {paramText(p.now)}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
