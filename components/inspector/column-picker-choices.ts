// What the column pickers list: the upstream columns, plus any chosen name that is not among them
// (a saved value stays visible and is flagged, never silently dropped), and how choices toggle.
import type { ColumnShape } from '../../engine/columns';

export interface ColumnChoice extends ColumnShape {
  /** False for a chosen name the input does not have. */
  inInput: boolean;
}

/** Chosen names missing from the input first, where they are seen, then the input's columns in order. */
export function columnChoices(columns: readonly ColumnShape[], chosen: readonly string[]): ColumnChoice[] {
  const names = new Set(columns.map((c) => c.name));
  const missing = [...new Set(chosen)].filter((name) => !names.has(name));
  return [
    ...missing.map((name) => ({ name, type: '', role: '', inInput: false })),
    ...columns.map((c) => ({ name: c.name, type: c.type, role: c.role, inInput: true })),
  ];
}

/** "numeric", or "categorical, target" when the role is not the usual feature. */
export function columnHint(choice: ColumnChoice): string {
  if (!choice.inInput) return 'not in the input';
  return choice.role === 'feature' ? choice.type : `${choice.type}, ${choice.role}`;
}

export function matchesFilter(choice: ColumnChoice, filter: string): boolean {
  const words = filter.trim().toLowerCase();
  return words === '' || `${choice.name} ${choice.type} ${choice.role}`.toLowerCase().includes(words);
}

/** Checking adds at the end (order can matter, e.g. kept columns); unchecking removes, order kept. */
export function withChoice(chosen: readonly string[], name: string, on: boolean): string[] {
  if (on) return chosen.includes(name) ? [...chosen] : [...chosen, name];
  return chosen.filter((n) => n !== name);
}

/** Select all / none over the names shown (a filter narrows them); the rest of the choice is kept. */
export function withChoices(chosen: readonly string[], names: readonly string[], on: boolean): string[] {
  return names.reduce((acc, name) => withChoice(acc, name, on), [...chosen]);
}
