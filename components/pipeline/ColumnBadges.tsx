// A column's type and role as two small chips; targets stand out, ignored columns fade.
const ROLE_CLASSES: Record<string, string> = {
  target: 'bg-indigo-50 text-indigo-700 ring-indigo-200',
  id: 'bg-zinc-100 text-zinc-600 ring-zinc-200',
  time: 'bg-sky-50 text-sky-700 ring-sky-200',
  ignore: 'bg-zinc-50 text-zinc-400 ring-zinc-200',
  feature: 'bg-white text-zinc-500 ring-zinc-200',
};

export function ColumnBadges({ type, role }: { type: string; role: string }) {
  return (
    <span className="inline-flex gap-1">
      <span className="rounded bg-zinc-100 px-1 text-[10px] font-normal text-zinc-600">{type}</span>
      <span className={`rounded px-1 text-[10px] font-normal ring-1 ring-inset ${ROLE_CLASSES[role] ?? ROLE_CLASSES.feature}`}>{role}</span>
    </span>
  );
}
