// The title row of a page: breadcrumbs, a title, a line of context and actions on the right.
import Link from 'next/link';
import type { ReactNode } from 'react';

export interface Crumb {
  label: string;
  href?: string;
}

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  crumbs?: Crumb[];
  actions?: ReactNode;
}

/** Where a page sits: links back up, the current place last. */
export function Breadcrumbs({ crumbs, className = '' }: { crumbs: readonly Crumb[]; className?: string }) {
  return (
    <nav aria-label="Breadcrumb" className={`flex items-center gap-1.5 text-xs text-zinc-500 ${className}`}>
      {crumbs.map((c, i) => (
        <span key={`${c.label}-${i}`} className="flex items-center gap-1.5">
          {i > 0 ? <span aria-hidden>/</span> : null}
          {c.href ? (
            <Link href={c.href} className="hover:text-zinc-900">
              {c.label}
            </Link>
          ) : (
            <span>{c.label}</span>
          )}
        </span>
      ))}
    </nav>
  );
}

export function PageHeader({ title, description, crumbs, actions }: PageHeaderProps) {
  return (
    <div className="flex items-end justify-between gap-6">
      <div className="min-w-0">
        {crumbs && crumbs.length > 0 ? <Breadcrumbs crumbs={crumbs} className="mb-1" /> : null}
        <h1 className="truncate text-lg font-semibold text-zinc-900">{title}</h1>
        {description ? <p className="mt-0.5 truncate text-sm text-zinc-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}
