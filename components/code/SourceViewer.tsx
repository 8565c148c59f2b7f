'use client';
// Read-only CodeMirror view of source text (TypeScript highlighting): a built-in node's files in
// the inspector. Its own chunk with the editor, loaded when the Code tab is opened.
import { javascript } from '@codemirror/lang-javascript';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';

export function SourceViewer({ text, testId }: { text: string; testId: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          lineNumbers(),
          javascript({ typescript: true }),
          syntaxHighlighting(defaultHighlightStyle),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          EditorView.theme({ '&': { fontSize: '11px', maxHeight: '480px' }, '.cm-scroller': { overflow: 'auto', fontFamily: 'ui-monospace, monospace' } }),
        ],
      }),
    });
    return () => view.destroy();
  }, [text]);
  return <div ref={host} data-testid={testId} data-read-only className="overflow-hidden rounded-md border border-zinc-200 bg-zinc-50" />;
}
