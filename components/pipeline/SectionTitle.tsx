// The small heading of one part of an artifact preview, with an optional quieter hint.
import type { ReactNode } from 'react';

export function SectionTitle({ children, hint }: { children: ReactNode; hint?: string }) {
  return (
    <h4 className="mb-1.5 text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
      {children}
      {hint ? <span className="ml-1.5 font-normal tracking-normal text-zinc-400 normal-case">{hint}</span> : null}
    </h4>
  );
}
