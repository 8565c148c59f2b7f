'use client';
// Copy-ready client code for this endpoint, with the key made on this page (else a placeholder)
// and the row typed into "try it".
import { useState } from 'react';
import type { ColumnInfo } from '../../nodes/values';
import { Button } from '../ui/Button';
import { KEY_PLACEHOLDER, snippet, type SnippetLanguage, type SnippetProtocol } from './snippets';
import type { Row } from '../../nodes/deploy/serving-requests';

const LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: 'curl', label: 'curl' },
  { id: 'python', label: 'Python (requests)' },
  { id: 'javascript', label: 'JavaScript' },
];

interface SnippetsProps {
  servingUrl: string;
  endpoint: string;
  columns: readonly ColumnInfo[];
  row: Row;
  keyText: string;
}

export function Snippets({ servingUrl, endpoint, columns, row, keyText }: SnippetsProps) {
  const [language, setLanguage] = useState<SnippetLanguage>('curl');
  const [protocol, setProtocol] = useState<SnippetProtocol>('v2');
  const text = snippet(language, protocol, { servingUrl, endpoint, key: keyText.trim() || KEY_PLACEHOLDER, columns, row });
  return (
    <section aria-labelledby="snippets-heading" className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="snippets">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="snippets-heading" className="text-sm font-semibold text-zinc-900">
          Call it from code
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <div role="tablist" aria-label="Language" className="flex gap-1">
            {LANGUAGES.map((l) => (
              <button
                key={l.id}
                type="button"
                role="tab"
                aria-selected={language === l.id}
                onClick={() => setLanguage(l.id)}
                className={`rounded-md px-2 py-1 text-xs font-medium ${language === l.id ? 'bg-zinc-900 text-white' : 'text-zinc-600 hover:bg-zinc-100'}`}
                data-testid={`snippet-${l.id}`}
              >
                {l.label}
              </button>
            ))}
          </div>
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as SnippetProtocol)} aria-label="Protocol" className="h-7 rounded-md border border-zinc-300 bg-white px-2 text-xs">
            <option value="v2">KServe V2</option>
            <option value="mlflow">MLflow</option>
          </select>
          <Button size="sm" onClick={() => void navigator.clipboard?.writeText(text)}>
            Copy
          </Button>
        </div>
      </div>
      <pre className="mt-3 max-h-96 overflow-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100" data-testid="snippet-text">
        {text}
      </pre>
    </section>
  );
}
