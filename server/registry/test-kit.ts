// Fixtures for registry tests: a project, users of each role, and drafts that need no artifact.
import type { Db } from '../db/client';
import { projects, users } from '../db/schema';
import type { Role } from '../auth/roles';
import type { VersionDraft } from './register';

export function seedRegistryFixtures(db: Db): Record<'admin' | 'scientist' | 'analyst' | 'viewer' | 'manager', { id: string; role: Role }> {
  db.insert(projects).values({ id: 'p1', name: 'Project one', createdAt: 1 }).run();
  db.insert(projects).values({ id: 'p2', name: 'Project two', createdAt: 2 }).run();
  const people = {
    admin: { id: 'u-admin', role: 'admin' as Role },
    scientist: { id: 'u-sci', role: 'scientist' as Role },
    analyst: { id: 'u-ana', role: 'analyst' as Role },
    viewer: { id: 'u-view', role: 'viewer' as Role },
    manager: { id: 'u-mgr', role: 'viewer' as Role },
  };
  for (const [name, person] of Object.entries(people)) {
    db.insert(users).values({ id: person.id, email: `${name}@example.com`, name, role: person.role, passwordHash: 'x', createdAt: 1 }).run();
  }
  return people;
}

export function draft(overrides: Partial<VersionDraft> = {}): VersionDraft {
  return {
    source: 'run',
    format: 'pipeworks/logistic',
    artifactId: 'a'.repeat(64),
    signature: { inputs: [{ name: 'x', type: 'numeric', role: 'feature' }], target: 'y', task: 'binary', labels: ['no', 'yes'] },
    metrics: { roc_auc: 0.9 },
    params: { seed: '0' },
    runId: null,
    stepId: null,
    pipelineId: null,
    pipelineVersionId: null,
    lineage: { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null },
    ...overrides,
  };
}
