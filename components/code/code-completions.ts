// What the code editor offers while typing: the table API a code node's function receives
// (`cols.<column>` for each column of its input, `schema`) and Math's functions. Pure, so tested
// without an editor.
import type { ColumnShape } from '../../engine/columns';

export interface CodeCompletion {
  label: string;
  /** For a column whose name is not an identifier: replaces the dot and the typed word (`cols["my col"]`). */
  bracketed?: string;
  detail: string;
  type: 'property' | 'variable' | 'function';
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MATH_FUNCTIONS = Object.getOwnPropertyNames(Math).filter((n) => typeof (Math as unknown as Record<string, unknown>)[n] === 'function').sort();
const MATH_CONSTANTS = Object.getOwnPropertyNames(Math).filter((n) => typeof (Math as unknown as Record<string, unknown>)[n] === 'number').sort();

const COLUMN_ARRAY: Record<string, string> = {
  numeric: 'Float64Array, NaN missing',
  datetime: 'Float64Array of epoch ms, NaN missing',
  boolean: 'array of booleans, null missing',
};

/**
 * The completions after `before` (the line up to the cursor), and where the replaced word starts
 * in it; null when nothing applies. `columns` is the input table's columns, null when not known yet.
 */
export function codeCompletions(before: string, columns: readonly ColumnShape[] | null): { from: number; options: CodeCompletion[] } | null {
  const member = /\b(cols|Math)\.([\w$]*)$/.exec(before);
  if (member) {
    const from = before.length - member[2].length;
    if (member[1] === 'Math') {
      return {
        from,
        options: [
          ...MATH_FUNCTIONS.map((n) => ({ label: n, detail: 'Math function', type: 'function' as const })),
          ...MATH_CONSTANTS.map((n) => ({ label: n, detail: 'Math constant', type: 'property' as const })),
        ],
      };
    }
    if (!columns) return null;
    return {
      from,
      options: columns.map((c) => ({
        label: c.name,
        // cols.my column → cols["my column"]: the dot is replaced too.
        ...(IDENTIFIER.test(c.name) ? {} : { bracketed: `[${JSON.stringify(c.name)}]` }),
        detail: `${c.type}${c.role && c.role !== 'feature' ? ` · ${c.role}` : ''} · ${COLUMN_ARRAY[c.type] ?? 'array of strings, null missing'}`,
        type: 'property' as const,
      })),
    };
  }
  const word = /[\w$]+$/.exec(before);
  if (!word) return null;
  return {
    from: before.length - word[0].length,
    options: [
      { label: 'cols', detail: 'the input columns by name', type: 'variable' },
      { label: 'schema', detail: 'the input columns as { name, type, role }[]', type: 'variable' },
      { label: 'Math', detail: 'Math functions (Math.log1p, Math.round, …)', type: 'variable' },
    ].filter((o) => o.label.startsWith(word[0])) as CodeCompletion[],
  };
}

/** The line an error message names ("line 3", "<isolated-vm>:3:14"), or null when it names none. */
export function errorLine(message: string | null | undefined): number | null {
  if (!message) return null;
  const said = /\bline (\d+)\b/i.exec(message) ?? /:(\d+):\d+\b/.exec(message);
  const line = said ? Number(said[1]) : NaN;
  return Number.isInteger(line) && line > 0 ? line : null;
}
