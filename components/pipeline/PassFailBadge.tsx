// A small green "passed" or red "failed" chip: quality gates and data expectations alike.
export function PassFailBadge({ passed }: { passed: boolean }) {
  return (
    <span
      className={`inline-flex h-5 shrink-0 items-center gap-1 rounded-full px-2 text-[11px] leading-none font-medium ring-1 ring-inset ${passed ? 'bg-emerald-100 text-emerald-800 ring-emerald-200' : 'bg-red-100 text-red-700 ring-red-200'}`}
    >
      <span aria-hidden>{passed ? '✓' : '✕'}</span>
      {passed ? 'passed' : 'failed'}
    </span>
  );
}
