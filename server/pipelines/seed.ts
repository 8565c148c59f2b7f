// The sample project every fresh install starts with. Idempotent: re-running changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { parseDocument } from '../../engine/document';
import { first, type AnyDb } from '../db/any-db';
import { saveVersion, systemAuthor } from './versions';

export const SAMPLE_PROJECT_ID = 'sample';
const SAMPLES = ['breast-cancer-explore.json', 'breast-cancer-classifier.json', 'card-fraud.json'];

export function samplePipelinePath(file: string): string {
  return path.join(process.cwd(), 'server/pipelines/samples', file);
}

export async function seedSampleProject(db: AnyDb): Promise<void> {
  const { projects } = db.t;
  if (first(await db.select({ id: projects.id }).from(projects).where(eq(projects.id, SAMPLE_PROJECT_ID)).limit(1))) return;
  await db
    .insert(projects)
    .values({ id: SAMPLE_PROJECT_ID, name: 'Sample project', description: 'Bundled datasets and pipelines to start from.', createdBy: null, createdAt: Date.now() });
  for (const file of SAMPLES) {
    const parsed = parseDocument(readFileSync(samplePipelinePath(file), 'utf8'));
    if (!parsed.ok) throw new Error(`Sample pipeline ${file} is invalid: ${parsed.error.map((i) => i.message).join('; ')}`);
    await saveVersion(db, SAMPLE_PROJECT_ID, parsed.value, systemAuthor('seed'), { baseVersion: 0, message: 'Sample pipeline' });
  }
}
