// One live deployment as a chip: its role, version and share of traffic.
const TONES = {
  primary: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  canary: 'bg-amber-50 text-amber-800 ring-amber-200',
  shadow: 'bg-zinc-100 text-zinc-700 ring-zinc-300',
} as const;

export function LiveBadge({ role, version, trafficPercent }: { role: keyof typeof TONES; version: number; trafficPercent: number }) {
  const share = role === 'shadow' ? 'silent' : `${trafficPercent}%`;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${TONES[role]}`} data-testid={`live-${role}`}>
      {role} v{version} · {share}
    </span>
  );
}
