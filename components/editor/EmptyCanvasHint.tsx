// What to do on an empty canvas. It lets pointer events through (a drop from the palette must
// still reach the canvas); only its link takes clicks.
import Link from 'next/link';

export function EmptyCanvasHint({ editable, projectHref }: { editable: boolean; projectHref: string | null }) {
  return (
    <div className="pointer-events-none absolute inset-0 z-[4] flex items-center justify-center p-6" data-testid="empty-canvas">
      <div className="max-w-sm rounded-lg border border-dashed border-zinc-300 bg-white/90 px-6 py-5 text-center shadow-sm">
        <h2 className="text-sm font-semibold text-zinc-900">This pipeline has no steps yet</h2>
        {editable ? (
          <p className="mt-1.5 text-sm text-zinc-600">
            Drag a node from the palette on the left onto the canvas, or press <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs">/</kbd> to search
            for one and Enter to add it.
          </p>
        ) : (
          <p className="mt-1.5 text-sm text-zinc-600">Someone who can edit pipelines can add steps here.</p>
        )}
        {projectHref ? (
          <p className="mt-2 text-sm text-zinc-600">
            Or{' '}
            <Link href={projectHref} className="pointer-events-auto font-medium text-indigo-600 hover:text-indigo-500">
              start from a template on the project page
            </Link>
            .
          </p>
        ) : null}
      </div>
    </div>
  );
}
