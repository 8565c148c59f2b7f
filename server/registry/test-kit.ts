// Fixtures for registry tests: a project, users of each role, and drafts that need no artifact.
import type { Role } from '../auth/roles';
import type { AnyDb } from '../db/any-db';
import type { VersionDraft } from './register';

const PEOPLE = {
  admin: { id: 'u-admin', role: 'admin' as Role },
  scientist: { id: 'u-sci', role: 'scientist' as Role },
  analyst: { id: 'u-ana', role: 'analyst' as Role },
  viewer: { id: 'u-view', role: 'viewer' as Role },
  manager: { id: 'u-mgr', role: 'viewer' as Role },
};

export type RegistryPeople = Record<keyof typeof PEOPLE, { id: string; role: Role }>;

const projectRows = [
  { id: 'p1', name: 'Project one', createdAt: 1 },
  { id: 'p2', name: 'Project two', createdAt: 2 },
];
const userRows = Object.entries(PEOPLE).map(([name, person]) => ({ id: person.id, email: `${name}@example.com`, name, role: person.role, passwordHash: 'x', createdAt: 1 }));

export async function seedRegistryFixtures(db: AnyDb): Promise<RegistryPeople> {
  await db.insert(db.t.projects).values(projectRows);
  await db.insert(db.t.users).values(userRows);
  return structuredClone(PEOPLE);
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
