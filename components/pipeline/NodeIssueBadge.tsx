// A compile issue marker on a node; the messages show on hover.
import type { StepNodeData } from './flow-elements';

export function NodeIssueBadge({ issues }: { issues: StepNodeData['issues'] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const tone = errors > 0 ? 'bg-red-50 text-red-700 ring-red-200' : 'bg-amber-50 text-amber-800 ring-amber-200';
  const text = errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : `${issues.length} warning${issues.length === 1 ? '' : 's'}`;
  return (
    <span className={`rounded px-1.5 py-0.5 text-[10px] font-medium ring-1 ring-inset ${tone}`} title={issues.map((i) => i.message).join('\n')} data-testid="issue-badge">
      {text}
    </span>
  );
}
