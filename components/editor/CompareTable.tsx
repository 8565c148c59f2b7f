'use client';
// Two documents side by side, one row per difference: the conflict dialog's clashes and diff, and
// an old version against the current one. A code param's row is a line diff (removed lines red,
// added green) across both columns, not two opaque blobs of text.
import { foldUnchanged, lineDiff } from './line-diff';
import type { ConflictRow } from './conflict-rows';

export function CompareTable({ rows, theirLabel, mineLabel = 'Mine', testId }: { rows: ConflictRow[]; theirLabel: string; mineLabel?: string; testId: string }) {
  if (rows.length === 0) return <p className="mt-2 text-sm text-zinc-500">No differences.</p>;
  return (
    <table className="mt-3 w-full table-fixed border-collapse text-sm" data-testid={testId}>
      <thead>
        <tr className="border-b border-zinc-200 text-left text-xs text-zinc-500">
          <th className="w-2/6 py-1.5 pr-2 font-medium">What</th>
          <th className="w-2/6 py-1.5 pr-2 font-medium">{theirLabel}</th>
          <th className="w-2/6 py-1.5 font-medium">{mineLabel}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-zinc-100 align-top" data-testid="conflict-row">
            <td className="py-1.5 pr-2 font-mono text-xs break-words text-zinc-700">{r.what}</td>
            {r.code ? (
              <td colSpan={2} className="py-1.5" data-testid="code-diff">
                <LineDiff before={r.code.theirs} after={r.code.mine} />
              </td>
            ) : (
              <>
                <td className="py-1.5 pr-2 break-words" data-testid="conflict-theirs">
                  <span className="rounded bg-sky-50 px-1 font-mono text-xs text-sky-900">{r.theirs}</span>
                </td>
                <td className="py-1.5 break-words" data-testid="conflict-mine">
                  <span className="rounded bg-amber-50 px-1 font-mono text-xs text-amber-900">{r.mine}</span>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const MARK = { same: ' ', added: '+', removed: '−' } as const;
const STYLE = { same: 'text-zinc-600', added: 'bg-emerald-50 text-emerald-900', removed: 'bg-red-50 text-red-900' } as const;

function LineDiff({ before, after }: { before: string; after: string }) {
  const lines = lineDiff(before, after);
  const added = lines.filter((l) => l.kind === 'added').length;
  const removed = lines.filter((l) => l.kind === 'removed').length;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-[11px] text-zinc-500">
        <span className="text-emerald-700">+{added}</span> <span className="text-red-700">−{removed}</span> lines, left to right
      </p>
      <pre className="max-h-72 overflow-auto rounded border border-zinc-200 font-mono text-[11px] leading-4">
        {foldUnchanged(lines).map((l, i) =>
          l.kind === 'skipped' ? (
            <div key={i} className="bg-zinc-50 px-1.5 text-zinc-400 italic" data-diff="skipped">
              ⋯ {l.count} unchanged lines
            </div>
          ) : (
            <div key={i} className={`px-1.5 whitespace-pre-wrap ${STYLE[l.kind]}`} data-diff={l.kind}>
              <span className="mr-1.5 text-zinc-400 select-none">{MARK[l.kind]}</span>
              {l.text}
            </div>
          ),
        )}
      </pre>
    </div>
  );
}
