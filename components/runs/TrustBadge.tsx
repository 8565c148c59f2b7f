// How far a step result may be trusted (docs/security.md, "Trust model of browser results"), as a
// small pill with the reason in its title. Values come from the server's step runs.
const TRUST: Record<string, { word: string; title: string; pill: string }> = {
  server: { word: 'server-run', title: 'Computed by the server', pill: 'bg-zinc-100 text-zinc-700 ring-zinc-200' },
  verified: { word: 'verified', title: 'Computed in a browser; the server re-computed identical outputs', pill: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  unverified: { word: 'not verified', title: 'Computed in a browser; the server has not checked it, so other people’s runs reuse it only if the project allows', pill: 'bg-amber-50 text-amber-800 ring-amber-200' },
  mismatch: { word: 'failed verification', title: 'The server computed different outputs; these are quarantined and never reused', pill: 'bg-red-50 text-red-700 ring-red-200' },
  tainted: { word: 'built on a failed result', title: 'Computed in the same browser run from a result that failed verification; never reused', pill: 'bg-red-50 text-red-700 ring-red-200' },
};

export function TrustBadge({ trust }: { trust: string | null | undefined }) {
  if (!trust) return null;
  const style = TRUST[trust] ?? { word: trust, title: trust, pill: 'bg-zinc-100 text-zinc-600 ring-zinc-200' };
  return (
    <span className={`inline-flex items-center rounded-full px-1.5 py-px text-[11px] font-medium ring-1 ring-inset ${style.pill}`} title={style.title} data-testid="step-trust" data-trust={trust}>
      {style.word}
    </span>
  );
}
