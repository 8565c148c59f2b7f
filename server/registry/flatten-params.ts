// Params as `key = text` rows: nested objects by dotted path, lists and the rest as JSON, so a
// registry list can filter by `learningRate = 0.01` in SQL.
const MAX_VALUE = 500;
const MAX_PARAMS = 500;

export function flattenParams(params: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  const visit = (value: unknown, key: string) => {
    if (Object.keys(flat).length >= MAX_PARAMS) return;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0) {
      for (const [inner, v] of Object.entries(value)) visit(v, key ? `${key}.${inner}` : inner);
      return;
    }
    if (value === undefined) return;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    // Long values (a search space, a feature list) stay readable in a list; the lineage keeps them whole.
    flat[key] = text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
  };
  visit(params, '');
  return flat;
}
