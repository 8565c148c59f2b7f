// The period of the KPI page's charts: 7, 30 or 90 days, as a group of toggle buttons.
export const PERIOD_CHOICES = [7, 30, 90] as const;
export type Period = (typeof PERIOD_CHOICES)[number];

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <div role="group" aria-label="Period" className="inline-flex overflow-hidden rounded-md border border-zinc-300 bg-white text-sm shadow-sm">
      {PERIOD_CHOICES.map((p) => (
        <button key={p} type="button" aria-pressed={p === value} onClick={() => onChange(p)} className={`px-3 py-1.5 font-medium ${p === value ? 'bg-zinc-900 text-white' : 'text-zinc-700 hover:bg-zinc-50'}`}>
          {p} days
        </button>
      ))}
    </div>
  );
}
