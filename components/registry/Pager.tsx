// "Rows 51–100 of 2,000" with previous and next: the server pages, this only moves the offset.
import { Button } from '../ui/Button';

interface PagerProps {
  offset: number;
  limit: number;
  total: number;
  onOffset: (offset: number) => void;
  label: string;
}

export function Pager({ offset, limit, total, onOffset, label }: PagerProps) {
  if (total <= limit && offset === 0) return null;
  const last = Math.min(total, offset + limit);
  return (
    <nav aria-label={`${label} pages`} className="flex items-center justify-end gap-3 text-xs text-zinc-500" data-testid="pager">
      <span className="tabular-nums">
        {total === 0 ? 'None' : `${(offset + 1).toLocaleString()}–${last.toLocaleString()} of ${total.toLocaleString()}`}
      </span>
      <Button size="sm" onClick={() => onOffset(Math.max(0, offset - limit))} disabled={offset === 0}>
        Previous
      </Button>
      <Button size="sm" onClick={() => onOffset(offset + limit)} disabled={last >= total} data-testid="pager-next">
        Next
      </Button>
    </nav>
  );
}
