import type { Metadata } from 'next';
import { ComparePage } from '../../../../components/runs/ComparePage';
import { parseRunIds } from '../../../../components/runs/run-links';
import { requireUser } from '../../require-user';

export const metadata: Metadata = { title: 'Compare runs' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function CompareRuns({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const ids = parseRunIds((await searchParams).ids);
  const bad = ids.filter((id) => !UUID.test(id));
  return <ComparePage ids={ids} problem={bad.length ? `Not a run id: ${bad.map((b) => `"${b.slice(0, 60)}"`).join(', ')}` : null} />;
}
