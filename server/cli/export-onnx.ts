// `pipeworks export-onnx <model>[@latest|@vN|@alias]`: a registered version as ONNX with its
// preprocessing, written to a file. --check DATASET scores that dataset's latest version with both
// onnxruntime-node and our own predictor and fails (exit 1) when they differ by more than 1e-5.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeValue } from '../../nodes/codec';
import { exportOnnx } from '../../nodes/onnx/export-onnx';
import { getDb } from '../db/client';
import { latestHashByName } from '../datasets/dataset-store';
import { getEnv } from '../env';
import { verifyOnnx } from '../onnx/verify-onnx';
import { resolveModelVersion } from '../registry/resolve-version';
import { readArtifactBytes } from '../store/artifact-files';
import { CliError } from './cli-error';

const OPTIONS = { out: { type: 'string' }, project: { type: 'string' }, check: { type: 'string' } } as const;
const ML = { backends: ['wasm', 'cpu'], wasmPath: path.join(process.cwd(), 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist') + path.sep };

export async function cmdExportOnnx(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length !== 1) throw new CliError('Name one model version: pipeworks export-onnx <model>[@latest|@vN|@alias] [--out FILE]', 2);
  const opened = getDb();
  const dataDir = getEnv().PIPEWORKS_DATA_DIR;
  const resolved = await resolveModelVersion(opened.anyDb, positionals[0], values.project);
  const value = decodeValue('model', await readArtifactBytes(dataDir, resolved.artifactId));
  if (value.kind !== 'model') throw new Error(`Artifact ${resolved.artifactId} is not a model`);
  const label = `${resolved.modelName} v${resolved.version}`;
  const bytes = exportOnnx(value.model, { name: resolved.modelName, version: `v${resolved.version}` });
  const out = values.out ?? `${resolved.modelName}-v${resolved.version}.onnx`;
  await writeFile(out, bytes);
  console.log(`wrote ${out}: ${label} (${value.model.format}, ${value.model.task}) with its preprocessing, ${bytes.length.toLocaleString('en')} bytes`);
  if (!values.check) return 0;
  const hash = await latestHashByName(opened.anyDb, values.check);
  if (!hash) throw new CliError(`--check: there is no dataset named "${values.check}"`, 2);
  const table = decodeValue('table', await readArtifactBytes(dataDir, hash));
  if (table.kind !== 'table') throw new Error(`Dataset ${values.check} is not a table`);
  const check = await verifyOnnx(value.model, bytes, table, ML);
  if (check.mismatch) {
    console.error(`check failed on "${values.check}" (${check.rows} rows): ${check.mismatch}`);
    return 1;
  }
  console.log(`checked on "${values.check}": ${check.rows} rows, onnxruntime-node matches ours (largest difference ${check.maxDifference.toExponential(2)})`);
  return 0;
}
