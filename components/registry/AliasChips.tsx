// Aliases as small labels; production and champion stand out, since people act on them.
const STYLES: Record<string, string> = {
  production: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  champion: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  staging: 'bg-amber-50 text-amber-800 ring-amber-200',
  challenger: 'bg-sky-50 text-sky-700 ring-sky-200',
};

export function AliasChip({ alias, version }: { alias: string; version?: number }) {
  return (
    <span
      className={`inline-flex h-5 items-center rounded-full px-2 text-[11px] font-medium ring-1 ring-inset ${STYLES[alias] ?? 'bg-zinc-100 text-zinc-700 ring-zinc-200'}`}
      data-testid={`alias-${alias}`}
    >
      @{alias}
      {version !== undefined ? <span className="ml-1 font-normal opacity-70">v{version}</span> : null}
    </span>
  );
}

export function AliasChips({ aliases }: { aliases: readonly (string | { alias: string; version: number })[] }) {
  if (aliases.length === 0) return <span className="text-zinc-300">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {aliases.map((a) => (typeof a === 'string' ? <AliasChip key={a} alias={a} /> : <AliasChip key={a.alias} alias={a.alias} version={a.version} />))}
    </span>
  );
}
