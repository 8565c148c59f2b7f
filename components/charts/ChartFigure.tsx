// A chart with its visible title (the figure's caption) and a spoken summary for screen readers,
// which cannot read an SVG plot: say what it shows and its key figure.
import type { ReactNode } from 'react';

interface ChartFigureProps {
  testId: string;
  title: ReactNode;
  /** What a screen reader announces for the figure, e.g. "ROC curve, AUC 0.994, …". */
  summary: string;
  children: ReactNode;
  /** Legend or notes under the plot. */
  footer?: ReactNode;
}

export function ChartFigure({ testId, title, summary, children, footer }: ChartFigureProps) {
  return (
    <figure data-testid={testId} aria-label={summary} className="rounded-md border border-zinc-200 px-2 pt-2 pb-2">
      <figcaption className="px-1 pb-1 text-xs font-medium text-zinc-800">{title}</figcaption>
      {children}
      {footer ? <div className="px-1 pt-1 text-[11px] text-zinc-500">{footer}</div> : null}
    </figure>
  );
}
