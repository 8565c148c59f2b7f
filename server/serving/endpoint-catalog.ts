// What the serving process reads from the database: the endpoints, their live deployments and
// their keys. On SQLite (this file) as prepared statements on the raw better-sqlite3 handle: the
// per-request revision check must cost microseconds, not a query build. The endpoint heads (id,
// revision) are kept between requests and read again as soon as anything was committed to the
// database (db-change-watch.ts), and at least every RECHECK_MS regardless. On Postgres
// (endpoint-catalog-pg.ts) everything is held in memory and re-read once per turn of the event loop.
import type Database from 'better-sqlite3';
import type { DeploymentRole, EndpointKeyScope, UnseenCategoryPolicy } from '../db/schema';
import { DbChangeWatch } from './db-change-watch';

const RECHECK_MS = 1000;
/** The longest a commit check is reused within one turn of the event loop. */
const REUSE_MS = 1;
/** Names asked for, live or not; past this many the cache starts over. */
const MAX_HEADS = 1000;

export interface EndpointHead {
  id: string;
  revision: number;
  undeployedAt: number | null;
}

export interface EndpointRow extends EndpointHead {
  name: string;
  modelName: string;
  logSampleRate: number;
  maxBodyBytes: number;
  rateLimitPerMinute: number;
  unseenCategories: UnseenCategoryPolicy;
}

export interface DeploymentRow {
  id: string;
  role: DeploymentRole;
  trafficPercent: number;
  versionId: string;
  version: number;
  format: string;
  artifactId: string;
  /** The version's signature as JSON text: what an imported ONNX version is scored by. */
  signature: string;
}

export interface KeyRow {
  id: string;
  keyHash: string;
  scopes: EndpointKeyScope[];
  rateLimitPerMinute: number | null;
  revokedAt: number | null;
}

/** What the serving process asks; every answer is from memory or a prepared statement, never awaited. */
export interface EndpointCatalog {
  /**
   * Null when the catalog already answers for this instant (SQLite reads on demand). Otherwise a
   * promise that resolves once a read started after this call is in (Postgres): a request awaits it
   * before its handler runs, so a commit its client waited for (a key revoked) is seen by it.
   */
  sync(): Promise<void> | null;
  head(name: string): EndpointHead | undefined;
  snapshot(id: string): EndpointSnapshot | null;
  endpointNameForKey(keyHash: string): string | null;
  liveEndpointNames(): string[];
  close(): void;
}

export interface EndpointSnapshot {
  endpoint: EndpointRow;
  deployments: DeploymentRow[];
  keys: KeyRow[];
}

export class SqliteEndpointCatalog implements EndpointCatalog {
  private readonly headByName: Database.Statement<[string], EndpointHead>;
  private readonly endpointById: Database.Statement<[string], EndpointRow>;
  private readonly liveDeployments: Database.Statement<[string], DeploymentRow>;
  private readonly keysOf: Database.Statement<[string], Omit<KeyRow, 'scopes'> & { scopes: string }>;
  private readonly endpointOfKey: Database.Statement<[string], { name: string }>;
  private readonly liveNames: Database.Statement<[], { name: string }>;
  private readonly watch: DbChangeWatch;
  private readonly heads = new Map<string, EndpointHead | null>();
  private checkedAt = 0;
  private checkedThisTurn = false;
  private checkedThisTurnAt = 0;
  private readonly nextTurn = () => {
    this.checkedThisTurn = false;
  };

  constructor(sqlite: Database.Database) {
    this.watch = new DbChangeWatch(sqlite.name);
    this.headByName = sqlite.prepare(
      'SELECT id, revision, undeployed_at AS undeployedAt FROM endpoints WHERE name = ?',
    );
    this.endpointById = sqlite.prepare(
      `SELECT e.id, e.name, e.revision, e.undeployed_at AS undeployedAt, m.name AS modelName,
              e.log_sample_rate AS logSampleRate, e.max_body_bytes AS maxBodyBytes,
              e.rate_limit_per_minute AS rateLimitPerMinute, e.unseen_categories AS unseenCategories
         FROM endpoints e JOIN registered_models m ON m.id = e.model_id WHERE e.id = ?`,
    );
    this.liveDeployments = sqlite.prepare(
      `SELECT d.id, d.role, d.traffic_percent AS trafficPercent, d.version_id AS versionId,
              v.version, v.format, v.artifact_id AS artifactId, v.signature
         FROM deployments d JOIN model_versions v ON v.id = d.version_id
        WHERE d.endpoint_id = ? AND d.retired_at IS NULL
        ORDER BY d.created_at, d.id`,
    );
    this.keysOf = sqlite.prepare(
      `SELECT id, key_hash AS keyHash, scopes, rate_limit_per_minute AS rateLimitPerMinute, revoked_at AS revokedAt
         FROM endpoint_keys WHERE endpoint_id = ?`,
    );
    this.endpointOfKey = sqlite.prepare(
      `SELECT e.name FROM endpoint_keys k JOIN endpoints e ON e.id = k.endpoint_id
        WHERE k.key_hash = ? AND k.revoked_at IS NULL AND e.undeployed_at IS NULL`,
    );
    this.liveNames = sqlite.prepare('SELECT name FROM endpoints WHERE undeployed_at IS NULL ORDER BY name');
  }

  /**
   * The endpoint's id and revision as of now: any commit since the last read is seen. The commit
   * check runs once per turn of the event loop: every request handled in one turn was received
   * before that turn's poll returned, so before the check, and a commit its client waited for
   * (a key revoked, then a call) is seen by it. A load of many connections pays one check per
   * turn instead of one `pread` per request. (Handlers start in the poll phase; a call from any
   * other phase schedules its reset one turn later, so reuse is also capped at REUSE_MS.)
   */
  sync(): null {
    return null;
  }

  head(name: string): EndpointHead | undefined {
    const t = performance.now();
    if (!this.checkedThisTurn || t - this.checkedThisTurnAt > REUSE_MS) {
      this.checkedThisTurn = true;
      this.checkedThisTurnAt = t;
      setImmediate(this.nextTurn);
      const now = Date.now();
      if (this.watch.changed() || now - this.checkedAt > RECHECK_MS || this.heads.size > MAX_HEADS) {
        this.heads.clear();
        this.checkedAt = now;
      }
    }
    let head = this.heads.get(name);
    if (head === undefined) {
      head = this.headByName.get(name) ?? null;
      this.heads.set(name, head);
    }
    return head ?? undefined;
  }

  close(): void {
    this.watch.close();
  }

  /** The endpoint, its live deployments and all its keys, read in one snapshot. */
  snapshot(id: string): EndpointSnapshot | null {
    const endpoint = this.endpointById.get(id);
    if (!endpoint) return null;
    const deployments = this.liveDeployments.all(id);
    const keys = this.keysOf.all(id).map((k) => ({ ...k, scopes: parseScopes(k.scopes) }));
    return { endpoint, deployments, keys };
  }

  /** The endpoint a live key belongs to (every key belongs to exactly one). */
  endpointNameForKey(keyHash: string): string | null {
    return this.endpointOfKey.get(keyHash)?.name ?? null;
  }

  liveEndpointNames(): string[] {
    return this.liveNames.all().map((r) => r.name);
  }
}

function parseScopes(json: string): EndpointKeyScope[] {
  try {
    return knownScopes(JSON.parse(json));
  } catch {
    return [];
  }
}

/** The scopes serving knows, from a key's stored list (anything else grants nothing). */
export function knownScopes(value: unknown): EndpointKeyScope[] {
  return Array.isArray(value) ? value.filter((s): s is EndpointKeyScope => s === 'infer' || s === 'feedback') : [];
}
