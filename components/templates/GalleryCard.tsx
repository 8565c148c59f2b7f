// One choice in the new-pipeline gallery: a radio inside a card, so arrow keys move between cards
// and the whole card is the click target.
import { useId, type ReactNode } from 'react';

export interface GalleryCardProps {
  name: string;
  value: string;
  checked: boolean;
  onSelect: (value: string) => void;
  title: string;
  /** A short line under the title: the question the template answers. */
  subtitle?: string;
  description: string;
  /** Label → value lines under the description: task, dataset, what it trains, run time. */
  facts?: [string, ReactNode][];
}

export function GalleryCard({ name, value, checked, onSelect, title, subtitle, description, facts = [] }: GalleryCardProps) {
  // The radio is named by the title and described by the rest, not by the card's whole text.
  const id = useId();
  return (
    <label
      data-testid={`template-card-${value}`}
      className={`flex h-full cursor-pointer flex-col rounded-lg border bg-white p-3.5 text-left shadow-sm transition has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 ${
        checked ? 'border-indigo-500 ring-1 ring-indigo-500' : 'border-zinc-200 hover:border-indigo-300'
      }`}
    >
      <span className="flex items-start gap-2">
        <input
          type="radio"
          name={name}
          value={value}
          checked={checked}
          onChange={() => onSelect(value)}
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-details`}
          className="mt-0.5 accent-indigo-600"
        />
        <span id={`${id}-title`} className="min-w-0 flex-1 text-sm font-semibold text-zinc-900">
          {title}
        </span>
      </span>
      <span id={`${id}-details`} className="flex flex-1 flex-col">
        {subtitle ? <span className="mt-1 text-xs font-medium text-indigo-700">{subtitle}</span> : null}
        <span className="mt-1.5 text-xs leading-relaxed text-zinc-600">{description}</span>
        {/* Spans, not a <dl>: a label may hold phrasing content only. */}
        {facts.length > 0 ? (
          <span className="mt-auto grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 pt-2.5 text-[11px]">
            {facts.map(([label, fact]) => (
              <span key={label} className="contents">
                <span className="text-zinc-400">{label}</span>
                <span className="text-zinc-700">{fact}</span>
              </span>
            ))}
          </span>
        ) : null}
      </span>
    </label>
  );
}
