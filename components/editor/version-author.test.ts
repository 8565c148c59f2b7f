import { describe, expect, it } from 'vitest';
import { versionAuthor } from './version-author';

describe('versionAuthor', () => {
  const authors = { u1: 'Ana', u2: 'Bo' };
  it('names Pipeworks for the versions it saved itself', () => {
    expect(versionAuthor({ authorId: null, authorSystem: 'seed' }, 'u1', authors)).toBe('Pipeworks (system: sample)');
    expect(versionAuthor({ authorId: null, authorSystem: 'cli' }, 'u1', authors)).toBe('Pipeworks (system: pipeworks run)');
  });
  it('says "you" for the signed-in person and names a teammate', () => {
    expect(versionAuthor({ authorId: 'u1', authorSystem: null }, 'u1', authors)).toBe('you');
    expect(versionAuthor({ authorId: 'u2', authorSystem: null }, 'u1', authors)).toBe('Bo');
    expect(versionAuthor({ authorId: 'u9', authorSystem: null }, 'u1', authors)).toBe('a teammate');
  });
  it('names both authors of a save merged with a teammate\'s', () => {
    expect(versionAuthor({ authorId: 'u1', authorSystem: null, mergedAuthors: ['Cy'] }, 'u1', authors)).toBe('you and Cy');
    expect(versionAuthor({ authorId: 'u9', authorSystem: null, authorName: 'Di', mergedAuthors: ['Ana', 'Cy'] }, 'u1', authors)).toBe('Di and Ana, Cy');
  });
  it('says unknown only when neither a person nor Pipeworks is recorded', () => {
    expect(versionAuthor({ authorId: null, authorSystem: null }, 'u1', authors)).toBe('unknown');
  });
});
