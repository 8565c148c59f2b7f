// `pipeworks ingest <file> --name N`: the upload's import, run in-process on a file named on the
// command line (only the local CLI ever reads a path a user names). Exit 0 imported, 1 rejected, 2 usage.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../../engine/errors';
import { csvOptionsSchema } from '../../nodes/ingest/csv/csv-options';
import { boot } from '../boot';
import { getDb } from '../db/client';
import { datasetNameSchema } from '../datasets/dataset-name';
import { recordDatasetVersion } from '../datasets/dataset-store';
import { ingestFile } from '../datasets/ingest-file';
import { ingestLimits } from '../datasets/ingest-limits';
import { rejection } from '../datasets/ingest-result';
import { versionSummary } from '../datasets/version-summary';
import { getEnv } from '../env';
import { CliError } from './cli-error';

const OPTIONS = {
  name: { type: 'string' },
  json: { type: 'boolean' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  na: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
} as const;

function readOptions(values: { delimiter?: string; encoding?: string; na?: string[]; type?: string[] }) {
  const types = Object.fromEntries(
    (values.type ?? []).map((pair) => {
      const at = pair.lastIndexOf('=');
      if (at <= 0) throw new CliError(`--type takes column=type, e.g. --type zip=categorical (got "${pair}")`, 2);
      return [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    }),
  );
  const delimiter = values.delimiter === 'tab' ? '\t' : values.delimiter;
  const parsed = csvOptionsSchema.safeParse({ delimiter, encoding: values.encoding, naTokens: values.na, types });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`${issue.path.join('.')}: ${issue.message}`, 2);
  }
  return parsed.data;
}

export async function cmdIngest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError('Name one file: pipeworks ingest <file.csv|file.parquet> --name N', 2);
  const name = datasetNameSchema.safeParse(values.name ?? '');
  if (!name.success) throw new CliError(`--name: ${name.error.issues[0].message}`, 2);
  const options = readOptions(values);
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${file}: ${error.code ?? error.message}`, 2);
  });
  if (!info.isFile()) throw new CliError(`${file} is not a file`, 2);

  const env = getEnv();
  boot({ resume: false });
  const filename = path.basename(file);
  try {
    const table = await ingestFile({ file, filename, options, limits: ingestLimits(env), dataDir: env.PIPEWORKS_DATA_DIR });
    const recorded = recordDatasetVersion(getDb().db, { name: name.data, filename, userId: null, table });
    const summary = versionSummary(recorded.version);
    if (values.json) console.log(JSON.stringify({ status: 'imported', dataset: name.data, created: recorded.created, ...summary }, null, 2));
    else {
      const note = recorded.created ? '' : ' (unchanged: the latest version already holds this table)';
      console.log(`imported "${name.data}" version ${summary.version}: ${summary.rows.toLocaleString('en')} rows × ${summary.columns.length} columns${note}`);
      console.log(summary.hash);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const reason = rejection(error);
    if (values.json) console.log(JSON.stringify({ status: 'rejected', error: reason }, null, 2));
    else console.error(`rejected ${filename}: ${reason.message}`);
    return 1;
  }
}
