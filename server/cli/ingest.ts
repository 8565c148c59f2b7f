// `pipeworks ingest <file|pattern>... [--name N]`: the upload's import, run in-process on files named
// on the command line (only the local CLI ever reads a path a user names), all in one process.
// Without --name each file becomes a dataset named after it; with --name every file is the next
// version of N, in order. Exit 0 all imported, 1 any rejected (the others are kept), 2 usage.
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
import { expandFiles } from './expand-files';

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

/** A file's dataset name when --name is not given: its file name without the extension. */
function nameOf(file: string): string {
  return path.basename(file).replace(/\.(csv|tsv|txt|parquet)$/i, '');
}

export async function cmdIngest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length === 0) throw new CliError('Name a file: pipeworks ingest <file.csv|file.parquet|"*.csv">... [--name N]', 2);
  const files = await expandFiles(positionals);
  const names = files.map((file) => {
    const name = datasetNameSchema.safeParse(values.name ?? nameOf(file));
    if (!name.success) throw new CliError(`${values.name === undefined ? `${file}: name it with --name` : '--name'}: ${name.error.issues[0].message}`, 2);
    return name.data;
  });
  const options = readOptions(values);
  for (const file of files) {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`Cannot read ${file}: ${error.code ?? error.message}`, 2);
    });
    if (!info.isFile()) throw new CliError(`${file} is not a file`, 2);
  }

  // One process and one open database for every file: a batch costs one start-up, not one per file.
  const env = getEnv();
  await boot({ resume: false });
  const results = [];
  for (const [i, file] of files.entries()) results.push(await ingestOne(file, names[i], options, env, values.json === true));
  if (values.json) console.log(JSON.stringify(files.length === 1 && positionals.length === 1 && !/[*?]/.test(positionals[0]) ? results[0] : results, null, 2));
  else if (files.length > 1) console.log(`${results.filter((r) => r.status === 'imported').length} of ${files.length} files imported`);
  return results.every((r) => r.status === 'imported') ? 0 : 1;
}

async function ingestOne(file: string, name: string, options: ReturnType<typeof readOptions>, env: ReturnType<typeof getEnv>, json: boolean) {
  const filename = path.basename(file);
  try {
    const table = await ingestFile({ file, filename, options, limits: ingestLimits(env), dataDir: env.PIPEWORKS_DATA_DIR });
    const recorded = await recordDatasetVersion(getDb().anyDb, { name, filename, userId: null, table });
    const summary = versionSummary(recorded.version);
    if (!json) {
      const note = recorded.created ? '' : ' (unchanged: the latest version already holds this table)';
      console.log(`imported "${name}" version ${summary.version}: ${summary.rows.toLocaleString('en')} rows × ${summary.columns.length} columns${note}`);
      console.log(summary.hash);
    }
    return { status: 'imported' as const, file, dataset: name, created: recorded.created, ...summary };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const reason = rejection(error);
    if (!json) console.error(`rejected ${filename}: ${reason.message}`);
    return { status: 'rejected' as const, file, dataset: name, error: reason };
  }
}
