// Provenance on a model's lineage graph (issue 22): where each step ran (and, from the run's plan,
// whether a queue worker ran it in its headless browser), whose run computed it,
// and its trust as it stands now (a browser result may have been verified, or failed, since the
// lineage was frozen); the frozen values where the run is gone.
import { and, eq, inArray } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import type { LineageGraph } from './lineage-graph';
import type { ModelLineage } from './version-types';

export interface StepProvenance {
  runner: string | null;
  backend: string | null;
  placement: 'browser' | 'server' | null;
  ranByName: string | null;
  trust: string | null;
}

export async function withProvenance(db: AnyDb, graph: LineageGraph, lineage: ModelLineage): Promise<LineageGraph> {
  const { runs, stepRuns, users } = db.t;
  const ids = lineage.steps.map((s) => s.id);
  const live = lineage.run && ids.length > 0
    ? await db
        .select({ stepId: stepRuns.stepId, runner: stepRuns.runner, backend: stepRuns.backend, ranBy: stepRuns.ranBy, trust: stepRuns.trust })
        .from(stepRuns)
        .where(and(eq(stepRuns.runId, lineage.run.id), inArray(stepRuns.stepId, ids)))
    : [];
  const planned = lineage.run && ids.length > 0 ? await db.select({ plan: runs.plan }).from(runs).where(eq(runs.id, lineage.run.id)).limit(1) : [];
  const plan = planned[0]?.plan as { steps?: { id: string; placement?: string }[] } | undefined;
  const placement = new Map((plan?.steps ?? []).map((s) => [s.id, s.placement === 'browser' ? ('browser' as const) : ('server' as const)]));
  const frozen = new Map(lineage.steps.map((s) => [s.id, s]));
  const now = new Map(live.map((row) => [row.stepId, row]));
  const people = [...new Set([...live.map((r) => r.ranBy), ...lineage.steps.map((s) => s.ranBy)].filter((id): id is string => !!id))];
  const names = new Map(people.length > 0 ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, people))).map((u) => [u.id, u.name]) : []);
  return {
    ...graph,
    nodes: graph.nodes.map((node) => {
      if (node.kind !== 'step') return node;
      const row = now.get(node.stepId) ?? frozen.get(node.stepId);
      const ranBy = row?.ranBy ?? null;
      // A cached step ran nowhere in this run: who computed it and its trust are the producer's.
      const cached = node.status === 'cached';
      const provenance: StepProvenance = {
        runner: cached ? null : (row?.runner ?? null),
        backend: cached ? null : (row?.backend ?? null),
        placement: cached ? null : (placement.get(node.stepId) ?? null),
        ranByName: ranBy ? (names.get(ranBy) ?? null) : null,
        trust: row?.trust ?? null,
      };
      return { ...node, ...provenance };
    }),
  };
}
