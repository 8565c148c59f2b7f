// Who saved a pipeline version, in words: "you", a teammate's name, or Pipeworks itself.

/** The version fields that say who saved it (pipeline.versions). */
export interface VersionAuthorFields {
  authorId: string | null;
  authorSystem: 'seed' | 'cli' | null;
  /** The author's name when the server joined it. */
  authorName?: string | null;
  /** For a save merged with others' versions saved meanwhile: those authors' names. */
  mergedAuthors?: readonly string[];
}

const SYSTEM_NAMES: Record<NonNullable<VersionAuthorFields['authorSystem']>, string> = {
  seed: 'Pipeworks (system: sample)',
  cli: 'Pipeworks (system: pipeworks run)',
};

/** `authors` maps the ids the page knows to names; an id it lacks is a teammate it has not loaded. */
export function versionAuthor(v: VersionAuthorFields, userId: string, authors: Readonly<Record<string, string>>): string {
  const merged = v.mergedAuthors?.length ? ` and ${v.mergedAuthors.join(', ')}` : '';
  if (v.authorSystem) return SYSTEM_NAMES[v.authorSystem] + merged;
  if (!v.authorId) return 'unknown' + merged;
  return (v.authorId === userId ? 'you' : (authors[v.authorId] ?? v.authorName ?? 'a teammate')) + merged;
}
