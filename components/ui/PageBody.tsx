// The scrolling, width-limited column that list pages sit in; `wide` for pages of charts and tables.
import type { ReactNode } from 'react';

export function PageBody({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <div className={`mx-auto w-full ${wide ? 'max-w-7xl' : 'max-w-5xl'} px-6 py-8`}>{children}</div>
    </div>
  );
}
