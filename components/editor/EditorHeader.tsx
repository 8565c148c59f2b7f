'use client';
// The pipeline page's header: breadcrumbs, the name with the saved version, save state and
// history beside it, run controls on the right. The version reads from the editor store, so it
// moves on with every autosave.
import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from '../ui/PageHeader';
import { useEditor } from './EditorContext';

interface EditorHeaderProps {
  crumbs: Crumb[];
  name: string;
  description?: string;
  /** Beside the name: save state, version history. */
  meta: ReactNode;
  actions: ReactNode;
  children?: ReactNode;
}

export function EditorHeader({ crumbs, name, description, meta, actions, children }: EditorHeaderProps) {
  const version = useEditor((s) => s.save.version);
  return (
    <div className="shrink-0 border-b border-zinc-200 bg-white px-4 py-2.5">
      <Breadcrumbs crumbs={crumbs} className="mb-0.5" />
      <div className="flex items-center gap-4">
        <div className="flex min-w-0 items-center gap-3">
          <h1 className="flex min-w-0 items-center gap-2 text-lg font-semibold text-zinc-900" title={description}>
            <span className="truncate">{name}</span>
            <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs font-normal text-zinc-600">v{version}</span>
          </h1>
          {meta}
        </div>
        <div className="ml-auto flex shrink-0 items-center gap-2">{actions}</div>
      </div>
      {children}
    </div>
  );
}
