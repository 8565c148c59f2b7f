// What compile reads from the database, fetched before it runs. Compile is pure and synchronous
// (engine/compile): it asks for datasets, registered models and settings through sync env
// callbacks, which SQLite could answer on the spot but Postgres cannot. So the server reads
// everything a document names first (prefetch), then answers those callbacks from this snapshot.
// A question the prefetch did not foresee is answered "unknown", noted, read, and compile runs
// again (onSources in compile-doc.ts); with the two node types below foreseen, it runs once.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ColumnShape } from '../../engine/columns';
import type { PipelineDoc } from '../../engine/document';
import type { NodeRegistry } from '../../engine/node-definition';
import { batchScoreNode } from '../../nodes/deploy/batch-score.node.ts';
import { datasetNode } from '../../nodes/ingest/dataset.node.ts';
import { first, type AnyDb } from '../db/any-db';
import { modelVersionArtifacts, pairKey, usableModelNames } from '../registry/model-sources';
import { readInstanceSettings } from '../settings/instance-settings';

interface VersionFacts {
  rows: number;
  columns: ColumnShape[];
}

/** One dataset as read: its latest version's hash, and the versions read so far by hash (null: not a version of it). */
interface DatasetFacts {
  id: string;
  latest: string | null;
  versions: Map<string, VersionFacts | null>;
}

export class CompileSources {
  /** name → facts, or null: no dataset has that name. */
  private readonly datasets = new Map<string, DatasetFacts | null>();
  /** artifact id → stored size, or null: no such artifact. */
  private readonly bytes = new Map<string, number | null>();
  /** [model name, version] → the version's artifact, or null: not in this pipeline's project. */
  private readonly models = new Map<string, string | null>();
  private datasetNameList: string[] | undefined;
  private modelNameList: string[] | undefined;
  private readonly missed = {
    datasets: new Set<string>(),
    versions: new Map<string, Set<string>>(),
    bytes: new Set<string>(),
    models: new Set<string>(),
    datasetNames: false,
    modelNames: false,
  };

  private constructor(
    private readonly db: AnyDb,
    private readonly pipelineId: string,
    /** Dataset name → version hash to read instead of the latest (reproducing a run). */
    readonly pins: ReadonlyMap<string, string>,
    readonly upgradesCacheCompatible: boolean,
  ) {}

  /** Reads what `doc` names: its datasets (latest and pinned versions), registered models and the instance settings. */
  static async prefetch(db: AnyDb, doc: PipelineDoc, registry: NodeRegistry, pins: ReadonlyMap<string, string> = new Map()): Promise<CompileSources> {
    const settings = await readInstanceSettings(db);
    const sources = new CompileSources(db, doc.id, pins, settings.upgradesCacheCompatible);
    for (const [name, hash] of pins) sources.wantVersion(name, hash);
    for (const node of doc.nodes) {
      const parsed = registry.get(node.type, node.version)?.params.safeParse(node.params);
      if (!parsed?.success) continue; // compile reports it, and asks for nothing on its behalf
      if (node.type === datasetNode.type) {
        const { name, version } = parsed.data as { name: string; version: string };
        if (name) sources.missed.datasets.add(name);
        if (name && version !== 'latest') sources.wantVersion(name, version);
      } else if (node.type === batchScoreNode.type) {
        const { model, version } = parsed.data as { model: string; version: string };
        if (model) for (const v of new Set([version, 'latest'])) sources.missed.models.add(pairKey(model, v));
      }
    }
    await sources.fetchMissed();
    return sources;
  }

  /** The latest version's hash of a dataset (pins aside). */
  latestHash(name: string): string | undefined {
    const facts = this.dataset(name);
    return facts?.latest ?? undefined;
  }

  /** Rows and columns of the version of `name` stored as `hash`; undefined when it is no version of that dataset. */
  version(name: string, hash: string): VersionFacts | undefined {
    const facts = this.dataset(name);
    if (!facts) return undefined;
    const found = facts.versions.get(hash);
    if (found === undefined) this.wantVersion(name, hash);
    return found ?? undefined;
  }

  /** Stored size of an artifact. */
  artifactBytes(hash: string): number | undefined {
    const size = this.bytes.get(hash);
    if (size === undefined) this.missed.bytes.add(hash);
    return size ?? undefined;
  }

  /** Every dataset name, for "did you mean". */
  datasetNames(): string[] {
    if (!this.datasetNameList) this.missed.datasetNames = true;
    return this.datasetNameList ?? [];
  }

  /** The artifact of a registered model's version ("latest", a number or an alias) in the pipeline's project. */
  modelArtifact(name: string, version: string): string | undefined {
    const key = pairKey(name, version);
    const artifact = this.models.get(key);
    if (artifact === undefined) this.missed.models.add(key);
    return artifact ?? undefined;
  }

  /** The registered model names this pipeline could use (server/registry/model-sources.ts), for "did you mean". */
  modelNames(): string[] {
    if (!this.modelNameList) this.missed.modelNames = true;
    return this.modelNameList ?? [];
  }

  /** Reads what was asked for and not yet known; false when nothing was. */
  async fetchMissed(): Promise<boolean> {
    const { missed } = this;
    const names = [...missed.datasets];
    const versions = [...missed.versions];
    const models = [...missed.models];
    const anything = names.length + versions.length + models.length + missed.bytes.size > 0 || missed.datasetNames || missed.modelNames;
    missed.datasets.clear();
    missed.versions.clear();
    missed.models.clear();
    if (names.length > 0) await this.readDatasets(names);
    for (const [name, hashes] of versions) await this.readVersions(name, [...hashes]);
    if (missed.bytes.size > 0) await this.readBytes([...missed.bytes]);
    if (models.length > 0) await this.readModels(models.map((key) => JSON.parse(key) as [string, string]));
    // A name that is not there: its issue suggests the nearest known one.
    if ([...this.datasets.values()].includes(null)) missed.datasetNames = true;
    if ([...this.models.values()].includes(null)) missed.modelNames = true;
    if (missed.datasetNames && !this.datasetNameList) this.datasetNameList = (await this.db.select({ name: this.db.t.datasets.name }).from(this.db.t.datasets)).map((d) => d.name);
    if (missed.modelNames && !this.modelNameList) this.modelNameList = await usableModelNames(this.db, this.pipelineId);
    missed.datasetNames = missed.modelNames = false;
    return anything;
  }

  private dataset(name: string): DatasetFacts | null | undefined {
    const facts = this.datasets.get(name);
    if (facts === undefined) this.missed.datasets.add(name);
    return facts;
  }

  private wantVersion(name: string, hash: string) {
    const hashes = this.missed.versions.get(name) ?? new Set<string>();
    this.missed.versions.set(name, hashes.add(hash));
    if (!this.bytes.has(hash)) this.missed.bytes.add(hash);
  }

  private async readDatasets(names: string[]) {
    const { db } = this;
    const { datasets, datasetVersions } = db.t;
    const found = new Map((await db.select({ id: datasets.id, name: datasets.name }).from(datasets).where(inArray(datasets.name, names))).map((d) => [d.name, d.id]));
    for (const name of names) {
      const id = found.get(name);
      if (id === undefined) {
        this.datasets.set(name, null);
        continue;
      }
      const latest = first(
        await db
          .select({ hash: datasetVersions.artifactId, rows: datasetVersions.rows, columns: datasetVersions.columns })
          .from(datasetVersions)
          .where(eq(datasetVersions.datasetId, id))
          .orderBy(desc(datasetVersions.version))
          .limit(1),
      );
      const versions = new Map<string, VersionFacts | null>();
      if (latest) versions.set(latest.hash, { rows: latest.rows, columns: latest.columns });
      this.datasets.set(name, { id, latest: latest?.hash ?? null, versions });
      if (latest && !this.bytes.has(latest.hash)) this.missed.bytes.add(latest.hash);
    }
  }

  private async readVersions(name: string, hashes: string[]) {
    if (!this.datasets.has(name)) await this.readDatasets([name]);
    const facts = this.datasets.get(name);
    if (!facts) return;
    const wanted = hashes.filter((h) => !facts.versions.has(h));
    if (wanted.length === 0) return;
    const { datasetVersions } = this.db.t;
    const rows = await this.db
      .select({ hash: datasetVersions.artifactId, rows: datasetVersions.rows, columns: datasetVersions.columns })
      .from(datasetVersions)
      .where(and(eq(datasetVersions.datasetId, facts.id), inArray(datasetVersions.artifactId, wanted)));
    for (const hash of wanted) {
      const row = rows.find((r) => r.hash === hash);
      facts.versions.set(hash, row ? { rows: row.rows, columns: row.columns } : null);
    }
  }

  private async readBytes(hashes: string[]) {
    this.missed.bytes.clear();
    const { artifacts } = this.db.t;
    const rows = await this.db.select({ id: artifacts.id, size: artifacts.size }).from(artifacts).where(inArray(artifacts.id, hashes));
    for (const hash of hashes) this.bytes.set(hash, rows.find((r) => r.id === hash)?.size ?? null);
  }

  private async readModels(pairs: [string, string][]) {
    const found = await modelVersionArtifacts(this.db, this.pipelineId, pairs);
    for (const [name, version] of pairs) this.models.set(pairKey(name, version), found.get(pairKey(name, version)) ?? null);
  }
}
