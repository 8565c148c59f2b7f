// A new pipeline's (or project's) id: readable, derived from its name, and unique (a number is added when taken).

const MAX_BASE = 56; // leaves room for "-<n>" within the document schema's 64 characters

/** "Churn model (v2)" → "churn-model-v2"; accents are dropped, anything else becomes a hyphen. */
export function slugFromName(name: string, fallback = 'pipeline'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** The slug, or the slug with the smallest suffix from 2 up that is not taken. */
export function uniquePipelineId(name: string, taken: (id: string) => boolean, fallback = 'pipeline'): string {
  const base = slugFromName(name, fallback);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
