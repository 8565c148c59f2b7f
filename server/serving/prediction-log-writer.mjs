// Writes one packed prediction-log batch in one transaction: a prediction_log row per entry (the
// JSON text every other reader uses) and, per endpoint and version in the batch, one columnar block
// of the same entries (prediction-log-block.mjs) that drift checks read instead of the rows. Used by
// the writer thread and by the drift bench, so the bench logs exactly as serving does.
// Plain JavaScript with better-sqlite3 only: the writer thread needs no TypeScript loader.
import { encodeBlock, newColumn, setCell } from './prediction-log-block.mjs';
import { unpackBatch } from './prediction-log-codec.mjs';

/**
 * @param {import('better-sqlite3').Database} sqlite
 * @returns {(batch: import('./prediction-log-codec.mjs').PackedBatch) => number} writes a batch, returns its entry count
 */
export function createLogWriter(sqlite) {
  const insertLog = sqlite.prepare(
    `INSERT INTO prediction_log (id, endpoint_id, version_id, role, shadow_of, key_id, created_at, latency_ms, inputs, outputs, block_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertBlock = sqlite.prepare(
    `INSERT INTO prediction_log_blocks (endpoint_id, version_id, first_created_at, last_created_at, rows, live, stale, data)
     VALUES (?, ?, ?, ?, ?, ?, 0, X'')`,
  );
  const setBlockData = sqlite.prepare('UPDATE prediction_log_blocks SET data = ? WHERE id = ?');
  const insert = (e, blockId) => Number(insertLog.run(e.id, e.endpointId, e.versionId, e.role, e.shadowOf, e.keyId, e.createdAt, e.latencyMs, e.inputs, e.outputs, blockId).lastInsertRowid);

  return sqlite.transaction((batch) => {
    const { entries, loose, groups } = groupBatch(batch);
    for (const e of loose) insert(e, null);
    for (const group of groups) {
      const n = group.length;
      const first = group[0].e;
      const { lastInsertRowid } = insertBlock.run(first.endpointId, first.versionId, first.createdAt, group[n - 1].e.createdAt, n, n);
      const blockId = Number(lastInsertRowid);
      const rowids = new Float64Array(n);
      for (let i = 0; i < n; i++) rowids[i] = insert(group[i].e, blockId);
      setBlockData.run(blockData(batch, group, rowids), blockId);
    }
    return entries.length;
  });
}

/**
 * A batch's entries, and those a block can hold grouped by endpoint and version, each group oldest
 * first (stable), so rowids rise with created_at inside its block: a drift check then walks it
 * backwards for newest first, with no sort. Shared with the Postgres writer (prediction-log-pg.ts).
 * @param {import('./prediction-log-codec.mjs').PackedBatch} batch
 */
export function groupBatch(batch) {
  const cells = [];
  const entries = unpackBatch(batch, cells);
  const loose = [];
  /** Entries a block can hold, by endpoint and version, in batch order. */
  const byKey = new Map();
  for (let j = 0; j < entries.length; j++) {
    const e = entries[j];
    // Input names a JSON object would reorder or drop, or a classifier with no labels: row only.
    if (!cells[j].simple || cells[j].prediction === undefined) {
      loose.push(e);
      continue;
    }
    const key = `${e.endpointId}\u0000${e.versionId}`;
    let group = byKey.get(key);
    if (group === undefined) byKey.set(key, (group = []));
    group.push({ e, cells: cells[j] });
  }
  const groups = [...byKey.values()];
  for (const group of groups) group.sort((a, b) => a.e.createdAt - b.e.createdAt);
  return { entries, loose, groups };
}

/**
 * One group's columnar block: its rows' ids (`rowids`), times, latencies, every input and the prediction.
 * @param {import('./prediction-log-codec.mjs').PackedBatch} batch
 * @param {{ e: import('./prediction-log-codec.mjs').UnpackedRow, cells: import('./prediction-log-codec.mjs').EntryCells }[]} group
 * @param {Float64Array} rowids
 */
export function blockData(batch, group, rowids) {
  const n = group.length;
  const createdAt = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  const columns = new Map();
  const prediction = newColumn(n);
  for (let i = 0; i < n; i++) {
    const { e, cells: at } = group[i];
    createdAt[i] = e.createdAt;
    latencyMs[i] = e.latencyMs;
    const { names, kind, num, other } = at;
    let k = kind;
    let x = num;
    let o = other;
    for (const name of names) {
      let column = columns.get(name);
      if (column === undefined) columns.set(name, (column = newColumn(n)));
      setCell(column, i, batch.kinds[k++] === 0 ? batch.nums[x++] : batch.others[o++]);
    }
    setCell(prediction, i, at.prediction);
  }
  return encodeBlock({ rowids, createdAt, latencyMs, columns: [...columns].map(([name, column]) => ({ name, column })), prediction });
}
