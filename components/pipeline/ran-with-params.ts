// The params a step ran with (as compiled, defaults filled in) beside the node's params today, so
// a node's results are never read against params it did not run with.
import { canonicalJSON } from '../../engine/canonical-json';

export interface RanParam {
  name: string;
  ran: unknown;
  /** Today's value where it differs; absent when unchanged. */
  now?: unknown;
  changed: boolean;
}

export function ranWithParams(ran: unknown, today: Readonly<Record<string, unknown>>, defaults: Readonly<Record<string, unknown>> | null | undefined): RanParam[] {
  if (typeof ran !== 'object' || ran === null || Array.isArray(ran)) return [];
  return Object.entries(ran as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => {
      const now = name in today ? today[name] : defaults?.[name];
      const changed = same(value, now) === false;
      return changed ? { name, ran: value, now, changed } : { name, ran: value, changed };
    });
}

function same(a: unknown, b: unknown): boolean {
  if (b === undefined) return a === undefined;
  try {
    return canonicalJSON(a) === canonicalJSON(b);
  } catch {
    return false;
  }
}

export function paramText(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}
