// Compile problems under the canvas; errors block a run, warnings only inform. A problem that
// concerns a node is a button: clicking it selects that node. The strip keeps one height whether
// there are no problems or many (it scrolls), so live compiles never move the canvas or palette.
import type { IssueView } from './pipeline-types';

interface IssueListProps {
  issues: readonly IssueView[];
  nodeLabel: (id: string) => string;
  onSelectNode: (id: string) => void;
}

/** A blank pipeline cannot run, but that is where everyone starts: said as a next step, not in red. */
const isStartHint = (issue: IssueView) => issue.code === 'empty_pipeline';

export function IssueList({ issues, nodeLabel, onSelectNode }: IssueListProps) {
  const errors = issues.filter((i) => i.severity === 'error' && !isStartHint(i)).length;
  const warnings = issues.filter((i) => i.severity !== 'error').length;
  const tone = errors > 0 ? 'bg-red-50/70' : warnings > 0 ? 'bg-amber-50/70' : 'bg-white';
  return (
    <section className={`h-[84px] shrink-0 overflow-y-auto border-t border-zinc-200 px-4 py-1.5 ${tone}`} aria-label="Compile issues" data-testid="compile-issues">
      <h2 className="sr-only">Problems</h2>
      {issues.length === 0 ? (
        <p className="flex h-full items-center gap-1.5 text-xs text-zinc-500">
          <span aria-hidden className="size-2 rounded-full bg-emerald-500" />
          No problems found
        </p>
      ) : (
        <ul className="space-y-0.5 text-sm">
          {issues.map((issue, i) => {
            // A loop names all its nodes; the first one stands for it.
            const nodeId = issue.nodeId ?? issue.nodeIds?.[0];
            const text = (
              <span className="text-zinc-700">
                {issue.message}
                {issue.field ? <span className="ml-1 font-mono text-xs text-zinc-500">({issue.field})</span> : null}
              </span>
            );
            return (
              <li key={`${issue.code}-${nodeId ?? issue.edgeId ?? ''}-${i}`} className="flex items-baseline gap-2">
                <span
                  className={`shrink-0 rounded px-1.5 text-[10px] font-semibold uppercase ${isStartHint(issue) ? 'bg-zinc-100 text-zinc-600' : issue.severity === 'error' ? 'bg-red-100 text-red-700' : 'bg-amber-100 text-amber-800'}`}
                >
                  {isStartHint(issue) ? 'to start' : issue.severity}
                </span>
                {nodeId ? (
                  <button
                    type="button"
                    className="group flex items-baseline gap-2 text-left"
                    onClick={() => onSelectNode(nodeId)}
                    title="Select this node"
                    data-testid={`issue-node-${nodeId}`}
                  >
                    <span className="shrink-0 font-medium text-zinc-800 underline-offset-2 group-hover:underline">{nodeLabel(nodeId)}</span>
                    {text}
                  </button>
                ) : (
                  text
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
