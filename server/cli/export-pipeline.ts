// `pipeworks export <pipeline>... [--all] [--out FILE|DIR] [--version N] [--schema PATH]`: pipelines
// as files for git, one per pipeline (`<id>.json`), readable JSON in a fixed key order
// (engine/pipeline-file.ts); --schema writes a "$schema" pointer for editors. One pipeline without
// --out goes to stdout. Exit 0 written, 2 an unknown pipeline or usage.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { didYouMean } from '../../engine/did-you-mean';
import { parseDocument } from '../../engine/document';
import { formatPipelineFile } from '../../engine/pipeline-file';
import { getDb } from '../db/client';
import { getVersion } from '../pipelines/versions';
import { CliError } from './cli-error';

const OPTIONS = { out: { type: 'string' }, all: { type: 'boolean' }, version: { type: 'string' }, schema: { type: 'string' } } as const;

export async function cmdExportPipeline(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  const db = getDb().anyDb;
  const known = (await db.select({ id: db.t.pipelines.id }).from(db.t.pipelines)).map((p) => p.id).sort();
  const ids = values.all ? known : positionals;
  if (ids.length === 0) throw new CliError('Name a pipeline (its id) or --all: pipeworks export <pipeline>... [--out FILE|DIR]', 2);
  if (values.version !== undefined && ids.length !== 1) throw new CliError('--version goes with one pipeline', 2);
  const version = values.version === undefined ? undefined : Number(values.version);
  if (version !== undefined && (!Number.isInteger(version) || version < 1)) throw new CliError(`--version must be a version number, not "${values.version}"`, 2);

  const files = [];
  for (const id of ids) {
    if (!known.includes(id)) throw new CliError(`There is no pipeline "${id}".${didYouMean(id, known)}`, 2);
    const stored = await getVersion(db, id, version);
    if (!stored) throw new CliError(`Pipeline "${id}" has no version ${version}`, 2);
    const parsed = parseDocument(stored.doc);
    // A stored version that no longer parses would be exported wrong; say so instead.
    if (!parsed.ok) throw new CliError(`Pipeline "${id}" v${stored.version} is not a valid document: ${parsed.error[0].message}`, 1);
    files.push({ id, version: stored.version, text: formatPipelineFile(parsed.value, values.schema) });
  }

  if (values.out === undefined) {
    if (files.length > 1) throw new CliError('Several pipelines need --out DIR (one file each)', 2);
    process.stdout.write(files[0].text);
    return 0;
  }
  const single = files.length === 1 && values.out.endsWith('.json');
  if (!single) await mkdir(values.out, { recursive: true });
  for (const file of files) {
    const target = single ? values.out : path.join(values.out, `${file.id}.json`);
    await writeFile(target, file.text);
    console.log(`wrote ${target}: ${file.id} v${file.version}`);
  }
  return 0;
}
