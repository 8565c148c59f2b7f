// Copy-ready client code for one endpoint: curl, Python (requests) and JavaScript (fetch), for the
// V2 infer route and MLflow invocations. Bodies come from the same builders "try it" sends.
import { invocationsPath, mlflowInvocationsBody, v2InferBody, v2InferPath, type Row } from '../../nodes/deploy/serving-requests';
import type { ColumnInfo } from '../../nodes/values';

export type SnippetLanguage = 'curl' | 'python' | 'javascript';
export type SnippetProtocol = 'v2' | 'mlflow';

export interface SnippetInput {
  servingUrl: string;
  endpoint: string;
  /** The key to embed; a placeholder when the person has not made one here. */
  key: string;
  columns: readonly ColumnInfo[];
  row: Row;
}

export const KEY_PLACEHOLDER = 'pw_ep_YOUR_KEY';

export function snippet(language: SnippetLanguage, protocol: SnippetProtocol, input: SnippetInput): string {
  const url = input.servingUrl + (protocol === 'v2' ? v2InferPath(input.endpoint) : invocationsPath(input.endpoint));
  const body = protocol === 'v2' ? v2InferBody(input.columns, input.row) : mlflowInvocationsBody(input.columns, input.row);
  const json = JSON.stringify(body, null, 2);
  switch (language) {
    case 'curl':
      return [`curl -sS -X POST '${url}' \\`, `  -H 'Authorization: Bearer ${input.key}' \\`, `  -H 'Content-Type: application/json' \\`, `  -d '${shellQuoted(JSON.stringify(body))}'`].join('\n');
    case 'python':
      return [
        'import requests',
        '',
        `response = requests.post(`,
        `    ${pyString(url)},`,
        `    headers={"Authorization": ${pyString(`Bearer ${input.key}`)}},`,
        `    json=${pythonLiteral(body, 4)},`,
        '    timeout=10,',
        ')',
        'response.raise_for_status()',
        'print(response.json())',
      ].join('\n');
    case 'javascript':
      return [
        `const response = await fetch(${JSON.stringify(url)}, {`,
        `  method: 'POST',`,
        `  headers: { Authorization: ${JSON.stringify(`Bearer ${input.key}`)}, 'Content-Type': 'application/json' },`,
        `  body: JSON.stringify(${json.replace(/\n/g, '\n  ')}),`,
        '});',
        'if (!response.ok) throw new Error(`${response.status}: ${await response.text()}`);',
        'console.log(await response.json());',
      ].join('\n');
  }
}

/** Inside single quotes, a single quote is closed, escaped and reopened. */
function shellQuoted(text: string): string {
  return text.replace(/'/g, `'\\''`);
}

function pyString(text: string): string {
  return JSON.stringify(text);
}

/** JSON as a Python literal: null/true/false become None/True/False; strings stay JSON-escaped, which Python reads alike. */
function pythonLiteral(value: unknown, indent: number): string {
  const pad = ' '.repeat(indent);
  const text = JSON.stringify(value, (_k, v: unknown) => v, 2).replace(/"(?:[^"\\]|\\.)*"|\b(null|true|false)\b/g, (match, word: string | undefined) =>
    word === undefined ? match : word === 'null' ? 'None' : word === 'true' ? 'True' : 'False',
  );
  return text.replace(/\n/g, `\n${pad}`);
}
