// The live endpoints of this serving process. Every request checks its endpoint's `revision`
// (one prepared-statement read); a changed revision re-reads the endpoint, its deployments and
// its keys at once, so a revoked key or a new traffic split counts from that very request. New
// model versions load in the background while the versions already loaded keep answering, and
// the routing swaps in one assignment once every model it names is ready.
import type { MlRuntime } from '../../engine/node-definition';
import type { DeploymentRow, EndpointCatalog, EndpointRow, KeyRow } from './endpoint-catalog';
import { UserError } from '../../engine/errors';
import { loadModel, type LoadedModel } from './loaded-model';
import { ServeError } from './serve-error';

export interface Routing {
  primary: LoadedModel;
  canary: { model: LoadedModel; percent: number } | null;
  shadow: LoadedModel | null;
  /** Which deployment rows it was built from, to tell whether a new read changes it. */
  signature: string;
}

export interface EndpointState {
  endpoint: EndpointRow;
  keys: Map<string, KeyRow>;
  routing: Routing | null;
  /** Why the newest deployments cannot answer (yet): shown when nothing older answers either. */
  problem: ServeError | null;
  /** Resolves once the first routing is in place (or failed); requests that arrive earlier wait. */
  firstLoad: Promise<void>;
}

export interface ModelEvents {
  loaded(model: LoadedModel, endpoint: string): void;
  failed(endpoint: string, versionId: string, error: unknown): void;
}

export class EndpointRegistry {
  private readonly states = new Map<string, EndpointState>();
  private readonly models = new Map<string, Promise<LoadedModel>>();
  /** The routing signature each endpoint is loading towards; a newer read replaces it. */
  private readonly wanted = new Map<string, string>();

  constructor(
    private readonly catalog: EndpointCatalog,
    private readonly dataDir: string,
    private readonly ml: MlRuntime,
    private readonly events: ModelEvents,
  ) {}

  /** The endpoint's state as of this instant, or null when there is no live endpoint by that name. */
  resolve(name: string): EndpointState | null {
    const head = this.catalog.head(name);
    if (!head || head.undeployedAt !== null) {
      if (this.states.delete(name)) this.dropUnused();
      return null;
    }
    const state = this.states.get(name);
    if (state && state.endpoint.revision === head.revision && state.endpoint.id === head.id) return state;
    return this.refresh(name, head.id, state);
  }

  /** Loads every live endpoint, so the first requests find their models ready. */
  async loadAll(): Promise<void> {
    const states = this.catalog.liveEndpointNames().map((name) => this.resolve(name));
    await Promise.all(states.map((s) => s?.firstLoad));
  }

  loadedModels(): { endpoint: string; model: LoadedModel; role: string }[] {
    const out: { endpoint: string; model: LoadedModel; role: string }[] = [];
    for (const [name, state] of this.states) {
      const r = state.routing;
      if (!r) continue;
      out.push({ endpoint: name, model: r.primary, role: 'primary' });
      if (r.canary) out.push({ endpoint: name, model: r.canary.model, role: 'canary' });
      if (r.shadow) out.push({ endpoint: name, model: r.shadow, role: 'shadow' });
    }
    return out;
  }

  allReady(): boolean {
    return [...this.states.values()].every((s) => s.routing !== null);
  }

  private refresh(name: string, id: string, previous: EndpointState | undefined): EndpointState | null {
    const snap = this.catalog.snapshot(id);
    if (!snap) return null;
    const keys = new Map(snap.keys.map((k) => [k.keyHash, k]));
    const state: EndpointState = previous ?? { endpoint: snap.endpoint, keys, routing: null, problem: null, firstLoad: Promise.resolve() };
    state.endpoint = snap.endpoint;
    state.keys = keys;
    if (previous && previous.endpoint.id !== id) state.routing = null;
    this.states.set(name, state);
    const signature = routingSignature(snap.deployments);
    if (state.routing?.signature === signature) {
      state.problem = null;
      return state;
    }
    const primary = snap.deployments.find((d) => d.role === 'primary');
    if (!primary) {
      state.routing = null;
      state.problem = new ServeError(503, `Endpoint "${name}" has no live deployment; deploy a model version to it`);
      this.wanted.delete(name);
      return state;
    }
    if (this.wanted.get(name) === signature) return state;
    this.wanted.set(name, signature);
    const load = this.build(name, snap.deployments, signature).then(
      (routing) => {
        if (this.wanted.get(name) !== signature || this.states.get(name) !== state) return;
        state.routing = routing;
        state.problem = null;
        this.wanted.delete(name);
        this.dropUnused();
      },
      (error: unknown) => {
        if (this.wanted.get(name) !== signature) return;
        this.wanted.delete(name);
        state.problem = loadProblem(name, error);
      },
    );
    if (!state.routing) state.firstLoad = load;
    return state;
  }

  private async build(name: string, rows: DeploymentRow[], signature: string): Promise<Routing> {
    const byRole = (role: string) => rows.find((d) => d.role === role);
    const [primary, canary, shadow] = await Promise.all(
      [byRole('primary'), byRole('canary'), byRole('shadow')].map((row) => (row ? this.model(name, row) : null)),
    );
    const canaryRow = byRole('canary');
    return {
      primary: primary!,
      canary: canary && canaryRow ? { model: canary, percent: canaryRow.trafficPercent } : null,
      shadow,
      signature,
    };
  }

  private model(endpoint: string, row: DeploymentRow): Promise<LoadedModel> {
    let loading = this.models.get(row.versionId);
    if (!loading) {
      loading = loadModel(this.dataDir, row, this.ml);
      this.models.set(row.versionId, loading);
      loading.then(
        (model) => this.events.loaded(model, endpoint),
        (error: unknown) => {
          this.models.delete(row.versionId);
          this.events.failed(endpoint, row.versionId, error);
        },
      );
    }
    return loading;
  }

  /** Forgets models no routing uses any more, so their memory can go. */
  private dropUnused(): void {
    const used = new Set(this.loadedModels().map((m) => m.model.versionId));
    for (const state of this.states.values()) if (state.routing === null) return; // a load may still need them
    if (this.wanted.size > 0) return;
    for (const versionId of this.models.keys()) if (!used.has(versionId)) this.models.delete(versionId);
  }
}

function routingSignature(rows: DeploymentRow[]): string {
  return rows
    .map((d) => `${d.role}:${d.versionId}:${d.trafficPercent}`)
    .sort()
    .join('|');
}

function loadProblem(name: string, error: unknown): ServeError {
  // The version itself cannot be served (a format with no predictor, an ONNX model that does not load).
  if (error instanceof UserError) return new ServeError(501, `Endpoint "${name}" cannot serve its model version: ${error.message}`);
  return new ServeError(503, `Endpoint "${name}" could not load its model: ${(error as Error).message ?? String(error)}`);
}
