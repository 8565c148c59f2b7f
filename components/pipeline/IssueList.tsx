// Compile problems above the canvas; errors block a run, warnings only inform.
import type { IssueView } from './pipeline-types';

export function IssueList({ issues, nodeLabel, onSelectNode }: { issues: IssueView[]; nodeLabel: (id: string) => string; onSelectNode: (id: string) => void }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error');
  const tone = errors.length > 0 ? 'border-red-200 bg-red-50' : 'border-amber-200 bg-amber-50';
  return (
    <div className={`max-h-28 shrink-0 overflow-y-auto border-b px-4 py-2 ${tone}`} role="region" aria-label="Compile issues" data-testid="compile-issues">
      <ul className="space-y-1 text-sm">
        {issues.map((issue, i) => (
          <li key={`${issue.code}-${issue.nodeId ?? issue.edgeId ?? ''}-${i}`} className="flex items-baseline gap-2">
            <span className={`shrink-0 rounded px-1.5 text-[10px] font-semibold uppercase ${issue.severity === 'error' ? 'bg-red-100 text-red-700' : 'bg-amber-100 text-amber-800'}`}>
              {issue.severity}
            </span>
            {issue.nodeId ? (
              <button type="button" className="shrink-0 font-medium text-zinc-800 underline-offset-2 hover:underline" onClick={() => onSelectNode(issue.nodeId!)}>
                {nodeLabel(issue.nodeId)}
              </button>
            ) : null}
            <span className="text-zinc-700">
              {issue.message}
              {issue.field ? <span className="ml-1 font-mono text-xs text-zinc-500">({issue.field})</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
