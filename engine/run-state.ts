// What execute knows about a run in progress: which steps wait, which outputs exist, and who
// reads from whom. Synchronous and free of events, so the scheduling rules are easy to test.
import type { ArtifactRef, Plan, PlanStep } from './plan';

export class RunState {
  private readonly outputs = new Map<string, Record<string, ArtifactRef>>();
  private pending: PlanStep[];
  private readonly readers = new Map<string, PlanStep[]>();

  constructor(
    private readonly plan: Plan,
    completed: ReadonlyMap<string, Record<string, ArtifactRef>> = new Map(),
  ) {
    for (const step of plan.steps) {
      const done = completed.get(step.id);
      if (done) this.outputs.set(step.id, done);
      for (const from of new Set(Object.values(step.inputs).map((i) => i.fromStep))) {
        this.readers.set(from, [...(this.readers.get(from) ?? []), step]);
      }
    }
    this.pending = plan.steps.filter((s) => !this.outputs.has(s.id));
  }

  get waiting(): number {
    return this.pending.length;
  }

  /** Removes and returns up to `max` steps whose inputs all exist, in plan order. */
  takeReady(max: number): PlanStep[] {
    const ready: PlanStep[] = [];
    for (const step of this.pending) {
      if (ready.length >= max) break;
      if (Object.values(step.inputs).every((i) => this.outputs.has(i.fromStep))) ready.push(step);
    }
    this.pending = this.pending.filter((s) => !ready.includes(s));
    return ready;
  }

  /** Removes and returns every waiting step, in plan order. */
  takeAll(): PlanStep[] {
    const all = this.pending;
    this.pending = [];
    return all;
  }

  /** Removes and returns the waiting steps that read from `stepId`, directly or not, in plan order. */
  takeDownstream(stepId: string): PlanStep[] {
    const blocked = new Set<string>();
    const queue = [stepId];
    while (queue.length > 0) {
      for (const reader of this.readers.get(queue.pop()!) ?? []) {
        if (blocked.has(reader.id) || !this.pending.includes(reader)) continue;
        blocked.add(reader.id);
        queue.push(reader.id);
      }
    }
    const taken = this.pending.filter((s) => blocked.has(s.id));
    this.pending = this.pending.filter((s) => !blocked.has(s.id));
    return taken;
  }

  succeeded(stepId: string, outputs: Record<string, ArtifactRef>): void {
    this.outputs.set(stepId, outputs);
  }

  /** The artifacts a step reads, by input port; or the first input whose artifact is missing. */
  inputsFor(step: PlanStep): { inputs: Record<string, ArtifactRef> } | { missing: string } {
    const inputs: Record<string, ArtifactRef> = {};
    for (const [port, { fromStep, output }] of Object.entries(step.inputs)) {
      const ref = this.outputs.get(fromStep)?.[output];
      if (!ref) return { missing: port };
      inputs[port] = ref;
    }
    return { inputs };
  }

  allSucceeded(): boolean {
    return this.plan.steps.every((s) => this.outputs.has(s.id));
  }
}
