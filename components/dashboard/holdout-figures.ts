// A challenge's figures on the shared holdout, as rows of champion against challenger: every
// numeric leaf of `champion` and `challenger` (nested keys joined by dots). Null when the figures
// do not have those two sides, so the inbox says it cannot show them rather than guessing.
export interface FigureRow {
  name: string;
  champion: number | null;
  challenger: number | null;
}

function leaves(value: unknown, prefix: string, out: Map<string, number>): void {
  if (typeof value === 'number' && Number.isFinite(value)) out.set(prefix, value);
  else if (value && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
}

export function holdoutRows(figures: unknown): FigureRow[] | null {
  if (!figures || typeof figures !== 'object') return null;
  const { champion, challenger } = figures as Record<string, unknown>;
  if (!champion || !challenger) return null;
  const a = new Map<string, number>();
  const b = new Map<string, number>();
  leaves(champion, '', a);
  leaves(challenger, '', b);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.length > 0 ? names.map((name) => ({ name, champion: a.get(name) ?? null, challenger: b.get(name) ?? null })) : null;
}
