// A check's status in words with a symbol, so it never depends on colour alone.
const LOOK = {
  ok: { text: '✓ no drift', className: 'bg-emerald-50 text-emerald-800' },
  drift: { text: '⚑ drift', className: 'bg-orange-100 text-orange-900' },
  error: { text: '✕ could not run', className: 'bg-red-50 text-red-800' },
} as const;

export function CheckStatus({ status }: { status: keyof typeof LOOK }) {
  const look = LOOK[status];
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${look.className}`} data-testid="check-status">
      {look.text}
    </span>
  );
}
