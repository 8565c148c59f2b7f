// One colour per port kind, shared by handles, edges and artifact chips.
export const PORT_KIND_COLORS: Record<string, string> = {
  table: '#0ea5e9',
  model: '#8b5cf6',
  metrics: '#f59e0b',
  deployment: '#10b981',
  report: '#ec4899',
};

export function portColor(kind: string | undefined): string {
  return (kind && PORT_KIND_COLORS[kind]) || '#a1a1aa';
}

const CATEGORY_CLASSES: Record<string, string> = {
  ingest: 'bg-sky-50 text-sky-700',
  clean: 'bg-teal-50 text-teal-700',
  split: 'bg-indigo-50 text-indigo-700',
  explore: 'bg-pink-50 text-pink-700',
  train: 'bg-violet-50 text-violet-700',
  evaluate: 'bg-amber-50 text-amber-800',
  deploy: 'bg-emerald-50 text-emerald-700',
  monitor: 'bg-orange-50 text-orange-700',
  code: 'bg-zinc-100 text-zinc-700',
};

export function categoryClass(category: string): string {
  return CATEGORY_CLASSES[category] ?? 'bg-zinc-100 text-zinc-700';
}
