// The serving process's catalog on Postgres: every endpoint, its live deployments and its keys are
// held in memory, so a request's key check and routing stay map lookups. A read per turn of the
// event loop keeps them current: requests wait for a read that started after they arrived (sync()),
// which costs one small query (the endpoints' revisions) when nothing changed, and re-reads only
// the endpoints whose revision moved. A notification (LISTEN/NOTIFY) could not promise the same:
// it may be handled after a request its commit preceded, and a revoked key must fail at once.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AnyDb } from '../db/any-db';
import { knownScopes, type DeploymentRow, type EndpointCatalog, type EndpointHead, type EndpointSnapshot } from './endpoint-catalog';

export class PgEndpointCatalog implements EndpointCatalog {
  private byName = new Map<string, EndpointSnapshot>();
  private readonly byId = new Map<string, EndpointSnapshot>();
  private keyOwners = new Map<string, string>();
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly db: AnyDb) {}

  sync(): Promise<void> {
    // A read in flight may have started before this request arrived: the next one is shared by
    // every request that arrives meanwhile.
    if (this.queued) return this.queued;
    if (!this.running) return this.start();
    const after = () => this.start();
    this.queued = this.running.then(after, after);
    return this.queued;
  }

  head(name: string): EndpointHead | undefined {
    const snap = this.byName.get(name);
    if (!snap) return undefined;
    const { id, revision, undeployedAt } = snap.endpoint;
    return { id, revision, undeployedAt };
  }

  snapshot(id: string): EndpointSnapshot | null {
    return this.byId.get(id) ?? null;
  }

  endpointNameForKey(keyHash: string): string | null {
    return this.keyOwners.get(keyHash) ?? null;
  }

  liveEndpointNames(): string[] {
    return [...this.byName.values()]
      .filter((s) => s.endpoint.undeployedAt === null)
      .map((s) => s.endpoint.name)
      .sort();
  }

  close(): void {
    // The pool belongs to whoever opened it (serving-server.ts closes it).
  }

  private start(): Promise<void> {
    this.queued = null;
    const read = this.read();
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }

  private async read(): Promise<void> {
    const { db } = this;
    const e = db.t.endpoints;
    const heads = await db.select({ id: e.id, revision: e.revision }).from(e);
    const changed = heads.filter((h) => this.byId.get(h.id)?.endpoint.revision !== h.revision).map((h) => h.id);
    const gone = heads.length !== this.byId.size || changed.length > 0;
    if (changed.length > 0) for (const snap of await this.readSnapshots(changed)) this.byId.set(snap.endpoint.id, snap);
    if (!gone) return;
    const present = new Set(heads.map((h) => h.id));
    for (const id of this.byId.keys()) if (!present.has(id)) this.byId.delete(id);
    // Rebuilt whole, then swapped in: a handler never sees half of a read.
    const byName = new Map<string, EndpointSnapshot>();
    const keyOwners = new Map<string, string>();
    for (const snap of this.byId.values()) {
      byName.set(snap.endpoint.name, snap);
      if (snap.endpoint.undeployedAt !== null) continue;
      for (const k of snap.keys) if (k.revokedAt === null) keyOwners.set(k.keyHash, snap.endpoint.name);
    }
    this.byName = byName;
    this.keyOwners = keyOwners;
  }

  /**
   * The endpoint rows are read first: the deployments and keys read after them are as new or newer,
   * and a commit that lands in between moves the revision again, so the next read repairs them.
   */
  private async readSnapshots(ids: string[]): Promise<EndpointSnapshot[]> {
    const { db } = this;
    const { endpoints: e, registeredModels: m, deployments: d, modelVersions: v, endpointKeys: k } = db.t;
    const rows = await db
      .select({
        id: e.id,
        name: e.name,
        revision: e.revision,
        undeployedAt: e.undeployedAt,
        modelName: m.name,
        logSampleRate: e.logSampleRate,
        maxBodyBytes: e.maxBodyBytes,
        rateLimitPerMinute: e.rateLimitPerMinute,
        unseenCategories: e.unseenCategories,
      })
      .from(e)
      .innerJoin(m, eq(m.id, e.modelId))
      .where(inArray(e.id, ids));
    const deployments = await db
      .select({
        endpointId: d.endpointId,
        id: d.id,
        role: d.role,
        trafficPercent: d.trafficPercent,
        versionId: d.versionId,
        version: v.version,
        format: v.format,
        artifactId: v.artifactId,
        signature: v.signature,
      })
      .from(d)
      .innerJoin(v, eq(v.id, d.versionId))
      .where(and(inArray(d.endpointId, ids), isNull(d.retiredAt)))
      .orderBy(asc(d.createdAt), asc(d.id));
    const keys = await db
      .select({ endpointId: k.endpointId, id: k.id, keyHash: k.keyHash, scopes: k.scopes, rateLimitPerMinute: k.rateLimitPerMinute, revokedAt: k.revokedAt })
      .from(k)
      .where(inArray(k.endpointId, ids));
    return rows.map((endpoint) => ({
      endpoint,
      deployments: deployments
        .filter((row) => row.endpointId === endpoint.id)
        // The SQLite catalog hands the signature over as its stored JSON text; jsonb gives the value.
        .map(({ endpointId: _e, signature, ...row }): DeploymentRow => ({ ...row, signature: JSON.stringify(signature) })),
      keys: keys.filter((row) => row.endpointId === endpoint.id).map(({ endpointId: _e, scopes, ...row }) => ({ ...row, scopes: knownScopes(scopes) })),
    }));
  }
}
