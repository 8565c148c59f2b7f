// The prediction log's writer thread: its own SQLite connection, so a write that waits on the
// studio's lock (busy_timeout) never stalls the serving thread's event loop. Plain JavaScript
// with better-sqlite3 only: it needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createLogWriter } from './prediction-log-writer.mjs';

const sqlite = new Database(path.join(workerData.dataDir, 'pipeworks.db'));
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
sqlite.pragma('busy_timeout = 10000');
sqlite.pragma('synchronous = NORMAL');

// Rows and their columnar blocks, one transaction per batch (prediction-log-writer.mjs).
const writeLog = createLogWriter(sqlite);

const findPrediction = sqlite.prepare('SELECT endpoint_id AS endpointId FROM prediction_log WHERE id = ?');
const upsertFeedback = sqlite.prepare(
  `INSERT INTO prediction_feedback (prediction_id, endpoint_id, label, key_id, received_at) VALUES (?, ?, ?, ?, ?)
   ON CONFLICT (prediction_id) DO UPDATE SET label = excluded.label, key_id = excluded.key_id, received_at = excluded.received_at`,
);
// One transaction for a whole bulk post: every known id is stored, each unknown one reported by row.
const writeFeedback = sqlite.transaction((endpointId, keyId, rows) => {
  const unknown = [];
  let stored = 0;
  const now = Date.now();
  for (const row of rows) {
    const found = findPrediction.get(row.predictionId);
    if (!found || found.endpointId !== endpointId) {
      unknown.push(row.row);
      continue;
    }
    upsertFeedback.run(row.predictionId, endpointId, JSON.stringify(row.label), keyId, now);
    stored++;
  }
  return { stored, unknown };
});

parentPort.on('message', (message) => {
  try {
    if (message.type === 'log') {
      const count = writeLog(message.batch);
      parentPort.postMessage({ type: 'logged', seq: message.seq, count });
    } else if (message.type === 'feedback') {
      // IMMEDIATE: the transaction reads before it writes, and a deferred one that must upgrade
      // after another connection (the studio's KPI consumer) wrote fails at once with "database
      // is locked" instead of waiting out busy_timeout.
      const result = writeFeedback.immediate(message.endpointId, message.keyId, message.rows);
      parentPort.postMessage({ type: 'feedback', seq: message.seq, ...result });
    } else if (message.type === 'close') {
      sqlite.close();
      parentPort.postMessage({ type: 'closed', seq: message.seq });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', seq: message.seq, message: String(error && error.message ? error.message : error) });
  }
});
