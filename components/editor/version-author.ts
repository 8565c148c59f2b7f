// Who saved a pipeline version, in words: "you", a teammate's name, or Pipeworks itself.

/** The version fields that say who saved it (pipeline.versions). */
export interface VersionAuthorFields {
  authorId: string | null;
  authorSystem: 'seed' | 'cli' | null;
}

const SYSTEM_NAMES: Record<NonNullable<VersionAuthorFields['authorSystem']>, string> = {
  seed: 'Pipeworks (system: sample)',
  cli: 'Pipeworks (system: pipeworks run)',
};

/** `authors` maps the ids the page knows to names; an id it lacks is a teammate it has not loaded. */
export function versionAuthor(v: VersionAuthorFields, userId: string, authors: Readonly<Record<string, string>>): string {
  if (v.authorSystem) return SYSTEM_NAMES[v.authorSystem];
  if (!v.authorId) return 'unknown';
  return v.authorId === userId ? 'you' : (authors[v.authorId] ?? 'a teammate');
}
