// Over the canvas while an older run is chosen: the run ran another version than the one being
// edited, so that version is what the canvas and the panel show, read only.
import Link from 'next/link';
import { runHref } from '../runs/run-links';
import { Button } from '../ui/Button';
import { shortId } from '../ui/format';

export function RunVersionBanner({ runId, version, current, onBack }: { runId: string; version: number; current: number; onBack: () => void }) {
  return (
    <div className="absolute inset-x-0 top-0 z-10 flex h-11 items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 text-sm" data-testid="run-version-banner">
      <span className="font-medium whitespace-nowrap text-amber-900">
        Run {shortId(runId)} ran v{version}
      </span>
      <span className="truncate text-amber-800">read only, as it ran (you edit v{current})</span>
      <span className="ml-auto flex items-center gap-2">
        <Link href={runHref(runId)} className="text-xs font-medium text-indigo-700 hover:underline">
          Run page
        </Link>
        <Button size="sm" onClick={onBack} data-testid="back-to-current" title="Show the newest run on the version you are editing">
          Back to v{current}
        </Button>
      </span>
    </div>
  );
}
