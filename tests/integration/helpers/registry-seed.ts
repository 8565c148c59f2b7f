// Registry rows written straight through an AnyDb, so registry suites can seed the same data on
// SQLite and on Postgres: projects, people of each role, models and versions with their metric
// and param rows, and the run and dataset rows a lineage reads.
import { eq } from 'drizzle-orm';
import type { AnyDb } from '../../../server/db/any-db';
import type { Role } from '../../../server/auth/roles';
import type { ModelLineage } from '../../../server/registry/version-types';

export const PEOPLE = {
  admin: { id: 'u-admin', role: 'admin' as Role, name: 'Ada' },
  scientist: { id: 'u-sci', role: 'scientist' as Role, name: 'Sam' },
  analyst: { id: 'u-ana', role: 'analyst' as Role, name: 'Ana' },
  viewer: { id: 'u-view', role: 'viewer' as Role, name: 'Vic' },
};

export const EMPTY_LINEAGE: ModelLineage = { run: null, pipeline: null, stepId: null, output: null, steps: [], sources: [], metricsFrom: null };

export async function seedProjectsAndPeople(db: AnyDb): Promise<void> {
  await db.insert(db.t.projects).values([
    { id: 'p1', name: 'Project one', createdAt: 1 },
    { id: 'p2', name: 'Project two', createdAt: 2 },
  ]);
  await db.insert(db.t.users).values(Object.values(PEOPLE).map((p) => ({ id: p.id, email: `${p.id}@example.com`, name: p.name, role: p.role, passwordHash: 'x', createdAt: 1 })));
}

export async function seedModel(db: AnyDb, model: { id: string; projectId: string; name: string; createdBy?: string | null; at?: number }): Promise<void> {
  const at = model.at ?? 1_765_000_000_000;
  await db.insert(db.t.registeredModels).values({ id: model.id, projectId: model.projectId, name: model.name, description: '', createdBy: model.createdBy ?? null, createdAt: at, updatedAt: at });
}

export interface SeedVersion {
  id: string;
  modelId: string;
  version: number;
  format?: string;
  artifactId?: string;
  metrics?: Record<string, number>;
  params?: Record<string, string>;
  createdAt: number;
  createdBy?: string | null;
  deletedAt?: number | null;
  runId?: string | null;
  pipelineVersionId?: string | null;
  lineage?: ModelLineage;
}

/** A version row and its metric and param rows, as registerModelVersion writes them. */
export async function seedVersion(db: AnyDb, v: SeedVersion): Promise<void> {
  const metrics = v.metrics ?? {};
  await db.insert(db.t.modelVersions).values({
    id: v.id,
    modelId: v.modelId,
    version: v.version,
    source: 'run',
    format: v.format ?? 'pipeworks/logistic',
    artifactId: v.artifactId ?? v.id.padEnd(64, '0'),
    signature: { inputs: [{ name: 'x', type: 'numeric', role: 'feature' }], target: 'y', task: 'binary', labels: ['no', 'yes'] },
    metrics,
    runId: v.runId ?? null,
    pipelineVersionId: v.pipelineVersionId ?? null,
    lineage: v.lineage ?? EMPTY_LINEAGE,
    description: '',
    createdBy: v.createdBy ?? null,
    createdAt: v.createdAt,
    deletedAt: v.deletedAt ?? null,
  });
  await db.update(db.t.registeredModels).set({ lastVersion: v.version }).where(eq(db.t.registeredModels.id, v.modelId));
  const metricRows = Object.entries(metrics).map(([name, value]) => ({ versionId: v.id, name, value }));
  if (metricRows.length) await db.insert(db.t.modelVersionMetrics).values(metricRows);
  const paramRows = Object.entries(v.params ?? {}).map(([key, value]) => ({ versionId: v.id, key, value }));
  if (paramRows.length) await db.insert(db.t.modelVersionParams).values(paramRows);
}
