// Green, amber or red, always with the word: colour is never the only signal.
import type { PortfolioCardView } from './types';

const STYLES: Record<PortfolioCardView['health'], { pill: string; dot: string; word: string }> = {
  green: { pill: 'bg-emerald-50 text-emerald-800 ring-emerald-200', dot: 'bg-emerald-500', word: 'Healthy' },
  amber: { pill: 'bg-amber-50 text-amber-900 ring-amber-300', dot: 'bg-amber-500', word: 'Needs attention' },
  red: { pill: 'bg-red-50 text-red-800 ring-red-200', dot: 'bg-red-600', word: 'At risk' },
};

export function HealthBadge({ health }: { health: PortfolioCardView['health'] }) {
  const s = STYLES[health];
  return (
    <span className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${s.pill}`} data-testid="health" data-health={health}>
      <span className={`h-2 w-2 rounded-full ${s.dot}`} aria-hidden />
      {s.word} ({health})
    </span>
  );
}
