'use client';
// The CodeMirror 6 editor of a code param: JavaScript or TypeScript highlighting, completion of the table API
// (cols.<input column>, schema, Math), syntax errors marked inline as they are typed (Lezer's
// parse, no eval), and the line a test or run error names. Read only for roles that may not write
// code. Loaded only when a code node is inspected (see FieldInput's lazy import).
import { autocompletion, closeBrackets, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { javascript } from '@codemirror/lang-javascript';
import { bracketMatching, defaultHighlightStyle, ensureSyntaxTree, syntaxHighlighting } from '@codemirror/language';
import { forceLinting, linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import type { ColumnShape } from '../../engine/columns';
import { codeCompletions, errorLine } from './code-completions';

interface CodeEditorProps {
  value: string;
  /** TypeScript is parsed as such, so type annotations are not marked as errors. */
  language: 'javascript' | 'typescript';
  onChange: (code: string) => void;
  readOnly: boolean;
  /** The input table's columns, for `cols.` completion; null when not known yet. */
  columns: readonly ColumnShape[] | null;
  /** The last test's or run's error; its line, if it names one, is marked. */
  error: string | null;
  testId: string;
}

export function CodeEditor({ value, language, onChange, readOnly, columns, error, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Read through refs so the editor is built once and keeps its undo history and cursor.
  const latest = useRef({ onChange, columns, error, language });
  latest.current = { onChange, columns, error, language };
  const editable = useRef(new Compartment());
  const grammar = useRef(new Compartment());

  useEffect(() => {
    const complete = (context: CompletionContext) => {
      const line = context.state.doc.lineAt(context.pos);
      const found = codeCompletions(line.text.slice(0, context.pos - line.from), latest.current.columns);
      if (!found || (!context.explicit && found.options.length === 0)) return null;
      const options: Completion[] = found.options.map((o) => ({
        label: o.label,
        detail: o.detail,
        type: o.type,
        ...(o.bracketed ? { apply: (v: EditorView, _c: Completion, from: number, to: number) => v.dispatch({ changes: { from: from - 1, to, insert: o.bracketed! } }) } : {}),
      }));
      return { from: line.from + found.from, options, validFor: /^[\w$]*$/ };
    };
    const diagnostics = (v: EditorView): Diagnostic[] => {
      const found: Diagnostic[] = [];
      ensureSyntaxTree(v.state, v.state.doc.length, 200)?.iterate({
        enter: (n) => {
          if (!n.type.isError) return;
          const from = Math.min(n.from, Math.max(0, v.state.doc.length - 1));
          found.push({ from, to: Math.max(n.to, from + 1), severity: 'error', message: `Not valid ${latest.current.language === 'typescript' ? 'TypeScript' : 'JavaScript'} here` });
        },
      });
      const line = errorLine(latest.current.error);
      if (line !== null && line <= v.state.doc.lines) {
        const at = v.state.doc.line(line);
        found.push({ from: at.from, to: Math.max(at.to, at.from), severity: 'error', message: latest.current.error! });
      }
      return found;
    };
    const created = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          EditorView.lineWrapping,
          history(),
          bracketMatching(),
          closeBrackets(),
          grammar.current.of(javascript({ typescript: language === 'typescript' })),
          syntaxHighlighting(defaultHighlightStyle),
          autocompletion({ override: [complete] }),
          linter(diagnostics, { delay: 300 }),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
          EditorView.theme({ '&': { fontSize: '12px', maxHeight: '360px' }, '.cm-scroller': { overflow: 'auto', fontFamily: 'ui-monospace, monospace' } }),
        ],
      }),
    });
    view.current = created;
    return () => created.destroy();
    // Built once per mount; value, readOnly and error changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    view.current?.dispatch({ effects: editable.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    v.dispatch({ effects: grammar.current.reconfigure(javascript({ typescript: language === 'typescript' })) });
    forceLinting(v);
  }, [language]);

  useEffect(() => {
    if (view.current) forceLinting(view.current);
  }, [error]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return (
    <div
      ref={host}
      id={testId}
      data-testid={testId}
      data-read-only={readOnly || undefined}
      data-language={language}
      className={`overflow-hidden rounded-md border ${readOnly ? 'border-zinc-200 bg-zinc-50' : 'border-zinc-300 bg-white'} ${error ? 'border-red-300' : ''}`}
    />
  );
}
