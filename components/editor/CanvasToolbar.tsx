'use client';
// The canvas's own buttons, top right (clear of where nodes are usually dropped): undo, redo, tidy
// layout, zoom to fit, and the shortcuts help. Editing buttons show only to roles that can edit;
// each says its shortcut on hover.
import { Panel } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useEditor, useEditorStore } from './EditorContext';

interface CanvasToolbarProps {
  editable: boolean;
  onLayout: () => void;
  onFit: () => void;
  onHelp: () => void;
}

export function CanvasToolbar({ editable, onLayout, onFit, onHelp }: CanvasToolbarProps) {
  const store = useEditorStore();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const empty = useEditor((s) => s.doc.nodes.length === 0);
  return (
    <Panel position="top-right" className="!m-3">
      <div role="toolbar" aria-label="Canvas" className="flex items-center gap-0.5 rounded-md border border-zinc-200 bg-white p-0.5 shadow-sm" data-testid="canvas-toolbar">
        {editable ? (
          <>
            <ToolButton label="Undo" shortcut="Ctrl+Z" disabled={!canUndo} onClick={store.undo} testId="undo-button">
              <path d="M6 4 2.5 7.5 6 11M3 7.5h6.5a4 4 0 0 1 0 8H7" />
            </ToolButton>
            <ToolButton label="Redo" shortcut="Ctrl+Shift+Z" disabled={!canRedo} onClick={store.redo} testId="redo-button">
              <path d="M10 4l3.5 3.5L10 11M13 7.5H6.5a4 4 0 0 0 0 8H9" />
            </ToolButton>
            <span aria-hidden className="mx-0.5 h-4 w-px bg-zinc-200" />
            <ToolButton label="Tidy layout" shortcut="L" disabled={empty} onClick={onLayout} testId="layout-button">
              <path d="M2 3h4v3H2zM10 2h4v3h-4zM10 11h4v3h-4zM6 4.5h2v8h2M8 3.5h2" />
            </ToolButton>
          </>
        ) : null}
        <ToolButton label="Zoom to fit" shortcut="F" disabled={empty} onClick={onFit} testId="fit-button">
          <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
        </ToolButton>
        <ToolButton label="Keyboard shortcuts" shortcut="?" onClick={onHelp} testId="help-button">
          <path d="M6 6a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.2v.5M8 12v.5" />
        </ToolButton>
      </div>
    </Panel>
  );
}

interface ToolButtonProps {
  label: string;
  shortcut: string;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
  children: ReactNode;
}

function ToolButton({ label, shortcut, disabled = false, onClick, testId, children }: ToolButtonProps) {
  return (
    <button
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut.replace('Ctrl', 'Control')}
      title={`${label} (${shortcut})`}
      disabled={disabled}
      onClick={onClick}
      data-testid={testId}
      className="inline-flex size-7 items-center justify-center rounded text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:cursor-not-allowed disabled:text-zinc-300 disabled:hover:bg-transparent"
    >
      <svg viewBox="0 0 16 16" aria-hidden className="size-4 fill-none stroke-current" strokeWidth={1.5} strokeLinecap="round" strokeLinejoin="round">
        {children}
      </svg>
    </button>
  );
}
