// A hover and focus hint that also works around disabled controls (which get no pointer events),
// and shows up in screenshots, unlike a native title.
import type { ReactNode } from 'react';

export function Tooltip({ text, children }: { text: string | null; children: ReactNode }) {
  if (!text) return <>{children}</>;
  return (
    <span className="group relative inline-flex" title={text}>
      {children}
      <span
        role="tooltip"
        className="pointer-events-none absolute top-full right-0 z-50 mt-2 w-max max-w-64 rounded-md bg-zinc-900 px-2.5 py-1.5 text-xs text-white opacity-0 shadow-lg transition-opacity group-focus-within:opacity-100 group-hover:opacity-100"
      >
        {text}
      </span>
    </span>
  );
}
