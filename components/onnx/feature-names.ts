// Feature names a converter stored for a single-tensor input, in the model's metadata_props
// (`feature_names`, JSON or comma-separated): they label the page's fields and match CSV columns.

export function featureNamesFromMetadata(metadata: Record<string, string>): string[] | null {
  const raw = metadata.feature_names?.trim();
  if (!raw) return null;
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
    } catch {
      // not JSON after all: fall through to the comma form
    }
  }
  return raw.split(',').map((s) => s.trim());
}
