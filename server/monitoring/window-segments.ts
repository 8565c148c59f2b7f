// A drift window's rows as columnar segments, newest first: the serving writer's blocks
// (prediction_log_blocks, one per batch, endpoint and version) decoded into typed arrays, and the
// rows that have no usable block (logged before blocks existed or outside the serving writer, or
// in a block marked stale by a delete or change) read from prediction_log page by page and scanned
// into the same columns. Sources are loaded newest first until the window's `limit` newest rows
// are certain, so the rows are exactly those windowPages would give, in the same order.
import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { CELL_MISSING, CELL_NUMBER, CELL_OTHER } from '../../nodes/monitor/drift/current-window';
import { first, type AnyDb } from '../db/any-db';
import { decodeBlock, type CellColumn } from '../serving/prediction-log-block.mjs';
import { InputsScanner } from './inputs-scan';
import { windowPages, type WindowQuery, type WindowRecord } from './log-window';

const PAGE = 5_000;
const NONE = new Float64Array(0);
const EMPTY: Segment = { lo: 0, hi: 0, rowids: NONE, createdAt: NONE, latencyMs: NONE, features: [], prediction: null };

/** Rows [lo, hi) of one source, oldest first (keys (createdAt, rowid) ascending), in the window's time range. */
export interface Segment {
  lo: number;
  hi: number;
  rowids: Float64Array;
  createdAt: Float64Array;
  latencyMs: Float64Array;
  /** Per requested feature, its cells, or null where no row of the source has it. */
  features: (CellColumn | null)[];
  /** outputs[predictionKey] per row (CELL_MISSING: the key is absent), or null when not asked for. */
  prediction: CellColumn | null;
}

export interface WindowSegments {
  /** The window's rows newest first: segments[i] from hi - 1 down to lo. */
  segments: Segment[];
  /** False when the segments above overlap in time; then `order` lists the rows newest first. */
  ordered: boolean;
  order: { segment: Uint32Array; index: Uint32Array } | null;
  rows: number;
}


/**
 * The window of `q` (its `limit` newest rows in [since, now]) for the features `names`, with the
 * outputs' `predictionKey` when `predictionKey` is not null.
 */
export async function windowSegments(db: AnyDb, q: WindowQuery, names: readonly string[], predictionKey: string | null): Promise<WindowSegments> {
  const b = db.t.predictionLogBlocks;
  const metas = await db
    .select({ id: b.id, lastCreatedAt: b.lastCreatedAt, stale: b.stale })
    .from(b)
    .where(and(eq(b.endpointId, q.endpointId), eq(b.versionId, q.versionId), q.since === null ? undefined : gte(b.lastCreatedAt, q.since), lte(b.firstCreatedAt, q.now)))
    .orderBy(desc(b.lastCreatedAt), desc(b.id));
  // A block holds the prediction only, and cells as a JSON round trip gives them: a feature named
  // like an Object.prototype member reads that member from a parsed row that lacks it.
  const blocksUsable = (predictionKey === null || predictionKey === 'prediction') && !names.some((name) => name in Object.prototype);
  const scanner = new InputsScanner(names);
  // Undefined once the block went with its last row (deleted since the list above was read).
  const readBlock = async (id: number): Promise<Uint8Array | undefined> => first(await db.select({ data: b.data }).from(b).where(eq(b.id, id)).limit(1))?.data;
  const loose = windowPages(db, q, predictionKey !== null, PAGE, { block: 'none' });
  let looseLoaded = 0;
  let looseFrontier = q.now;
  let looseDone = false;

  const segments: Segment[] = [];
  /** Per segment, the first row counted as newer than the frontier (rows [from, hi) are counted). */
  const counted: number[] = [];
  let countedRows = 0;
  let m = 0;
  for (;;) {
    const blockFrontier = m < metas.length ? metas[m].lastCreatedAt : -Infinity;
    const frontier = Math.max(blockFrontier, looseDone ? -Infinity : looseFrontier);
    if (frontier === -Infinity) break;
    // Rows newer than anything not loaded yet are certain to rank above it.
    for (let s = 0; s < segments.length; s++) {
      const { lo, createdAt } = segments[s];
      let from = counted[s];
      while (from > lo && createdAt[from - 1] > frontier) from--;
      countedRows += counted[s] - from;
      counted[s] = from;
    }
    if (countedRows >= q.limit) break;
    let segment: Segment | null;
    if (blockFrontier >= looseFrontier || looseDone) {
      const meta = metas[m++];
      // A block whose rows are not in key order (not written by this writer): its rows are read instead.
      segment = meta.stale || !blocksUsable ? await blockRows(db, q, meta.id, scanner, names, predictionKey) : (blockSegment(await readBlock(meta.id), q, names) ?? (await blockRows(db, q, meta.id, scanner, names, predictionKey)));
    } else {
      const next = await loose.next();
      const page = next.done ? [] : next.value;
      looseLoaded += page.length;
      if (page.length < PAGE || looseLoaded >= q.limit) looseDone = true;
      if (page.length > 0) looseFrontier = page[page.length - 1].createdAt;
      segment = page.length > 0 ? pageSegment(page, scanner, names, predictionKey) : null;
    }
    if (segment !== null && segment.hi > segment.lo) {
      segments.push(segment);
      counted.push(segment.hi);
    }
  }
  await loose.return(undefined);
  // Exhausted: every loaded row is a candidate; otherwise the counted ones are.
  const exhausted = countedRows < q.limit;
  if (exhausted) {
    countedRows = 0;
    segments.forEach((s, i) => {
      countedRows += s.hi - s.lo;
      counted[i] = s.lo;
    });
  }
  const candidates = segments.map((s, i) => ({ ...s, lo: counted[i] })).filter((s) => s.hi > s.lo);
  const rows = Math.min(countedRows, q.limit);
  if (isDescending(candidates)) {
    // Trim the oldest candidates beyond the limit: they are at the end.
    let over = countedRows - rows;
    for (let s = candidates.length - 1; s >= 0 && over > 0; s--) {
      const take = Math.min(over, candidates[s].hi - candidates[s].lo);
      candidates[s].lo += take;
      over -= take;
    }
    return { segments: candidates.filter((s) => s.hi > s.lo), ordered: true, order: null, rows };
  }
  return { segments: candidates, ordered: false, order: newestFirst(candidates, rows), rows };
}

/** A fresh block's rows in the window (none once it is gone), or null when its rows are not in key order. */
function blockSegment(data: Uint8Array | undefined, q: WindowQuery, names: readonly string[]): Segment | null {
  if (data === undefined) return EMPTY;
  const block = decodeBlock(data);
  const { createdAt, rowids, n } = block;
  for (let i = 1; i < n; i++) {
    if (createdAt[i] < createdAt[i - 1] || (createdAt[i] === createdAt[i - 1] && rowids[i] <= rowids[i - 1])) return null;
  }
  let lo = 0;
  let hi = n;
  if (q.since !== null) while (lo < n && createdAt[lo] < q.since) lo++;
  while (hi > lo && createdAt[hi - 1] > q.now) hi--;
  return { lo, hi, rowids, createdAt, latencyMs: block.latencyMs, features: names.map((name) => block.columns.get(name) ?? null), prediction: block.prediction };
}

/** The rows of a block read one by one (a stale block, or any block when blocks cannot answer). */
async function blockRows(db: AnyDb, q: WindowQuery, id: number, scanner: InputsScanner, names: readonly string[], predictionKey: string | null): Promise<Segment | null> {
  const page: WindowRecord[] = [];
  for await (const part of windowPages(db, { ...q, limit: Number.MAX_SAFE_INTEGER }, predictionKey !== null, PAGE, { block: id })) page.push(...part);
  return page.length > 0 ? pageSegment(page, scanner, names, predictionKey) : null;
}

/** Logged rows (newest first, as windowPages gives them) scanned into columns, oldest first. */
function pageSegment(page: WindowRecord[], scanner: InputsScanner, names: readonly string[], predictionKey: string | null): Segment {
  const n = page.length;
  const features = names.length;
  const rowids = new Float64Array(n);
  const createdAt = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  const columns = Array.from({ length: features }, () => ({ kinds: new Uint8Array(n), nums: new Float64Array(n), others: new Array<unknown>(n).fill(null) }));
  const prediction = predictionKey === null ? null : { kinds: new Uint8Array(n), nums: new Float64Array(n), others: new Array<unknown>(n).fill(null) };
  for (let j = 0; j < n; j++) {
    const { rowid, createdAt: created, latencyMs: latency, inputs, outputs } = page[j];
    const i = n - 1 - j;
    rowids[i] = rowid;
    createdAt[i] = created;
    latencyMs[i] = latency;
    // SQLite gives the stored text, scanned without parsing where it can be; Postgres gives jsonb parsed.
    if (typeof inputs === 'string' && scanner.read(inputs)) {
      for (let f = 0; f < features; f++) {
        const kind = scanner.kinds[f];
        columns[f].kinds[i] = kind;
        if (kind === CELL_NUMBER) columns[f].nums[i] = scanner.nums[f];
        else if (kind === CELL_OTHER) columns[f].others[i] = scanner.others[f];
      }
    } else {
      const row = parsedJson(inputs);
      for (let f = 0; f < features; f++) setParsed(columns[f], i, row, names[f]);
    }
    if (prediction !== null) {
      const parsed = parsedJson(outputs!);
      if (predictionKey! in parsed) setParsed(prediction, i, parsed, predictionKey!);
    }
  }
  return { lo: 0, hi: n, rowids, createdAt, latencyMs, features: columns, prediction };
}

const parsedJson = (value: string | Record<string, unknown>): Record<string, unknown> => (typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value);

/** A parsed row's value as a cell: read the way WindowBuilder.add reads row[name] (prototype members included). */
function setParsed(column: { kinds: Uint8Array; nums: Float64Array; others: unknown[] }, i: number, row: Record<string, unknown>, name: string): void {
  const value = row[name];
  if (value === undefined && !(name in row)) {
    column.kinds[i] = CELL_MISSING;
  } else {
    column.kinds[i] = CELL_OTHER;
    column.others[i] = value;
  }
}

/** Whether the segments, each walked newest first and taken in order, give strictly falling keys. */
function isDescending(segments: readonly Segment[]): boolean {
  for (let s = 1; s < segments.length; s++) {
    const newer = segments[s - 1];
    const older = segments[s];
    const a = newer.createdAt[newer.lo];
    const b = older.createdAt[older.hi - 1];
    if (b > a || (b === a && older.rowids[older.hi - 1] >= newer.rowids[newer.lo])) return false;
  }
  return true;
}

/** The `rows` newest candidates across overlapping segments, newest first. */
function newestFirst(segments: readonly Segment[], rows: number): { segment: Uint32Array; index: Uint32Array } {
  const total = segments.reduce((sum, s) => sum + s.hi - s.lo, 0);
  const segment = new Uint32Array(total);
  const index = new Uint32Array(total);
  let k = 0;
  segments.forEach((s, i) => {
    for (let j = s.lo; j < s.hi; j++) {
      segment[k] = i;
      index[k++] = j;
    }
  });
  const order = Array.from({ length: total }, (_, j) => j);
  order.sort((x, y) => {
    const a = segments[segment[x]];
    const b = segments[segment[y]];
    const ca = a.createdAt[index[x]];
    const cb = b.createdAt[index[y]];
    return ca !== cb ? cb - ca : b.rowids[index[y]] - a.rowids[index[x]];
  });
  const out = { segment: new Uint32Array(rows), index: new Uint32Array(rows) };
  for (let j = 0; j < rows; j++) {
    out.segment[j] = segment[order[j]];
    out.index[j] = index[order[j]];
  }
  return out;
}
