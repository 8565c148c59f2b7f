// `pipeworks import <file>... [--project P] [--base N]`: pipeline files into the studio, each as the
// next version of the pipeline its id names (the file is the truth, as in git: by default it is
// based on the latest version, which stays in the history; --base N merges with edits since N).
// A file equal to the latest version adds nothing. Exit 0 imported, 1 refused, 2 invalid file or usage.
import { parseArgs } from 'node:util';
import { parseDocument } from '../../engine/document';
import { getDb } from '../db/client';
import { SaveConflictError } from '../pipelines/save-conflict';
import { getVersion, saveVersion, systemAuthor } from '../pipelines/versions';
import { boot } from '../boot';
import { CliError } from './cli-error';
import { projectFor } from './cli-project';
import { formatIssue, readPipelineFile } from './read-pipeline';

const OPTIONS = { project: { type: 'string' }, base: { type: 'string' } } as const;

export async function cmdImportPipeline(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true });
  if (positionals.length === 0) throw new CliError('Name a pipeline file: pipeworks import <file.json>... [--project P]', 2);
  if (values.base !== undefined && positionals.length !== 1) throw new CliError('--base goes with one file', 2);
  const docs = [];
  for (const file of positionals) {
    const parsed = parseDocument(await readPipelineFile(file));
    if (!parsed.ok) {
      for (const issue of parsed.error) console.error(`${file}: ${formatIssue(issue)}`);
      throw new CliError(`${file} is not a valid pipeline document; nothing was imported`, 2);
    }
    docs.push({ file, doc: parsed.value });
  }
  await boot({ resume: false });
  const db = getDb().anyDb;
  let refused = 0;
  for (const { file, doc } of docs) {
    const latest = (await getVersion(db, doc.id))?.version ?? 0;
    const base = values.base === undefined ? latest : Number(values.base);
    if (!Number.isInteger(base) || base < 0) throw new CliError(`--base must be a version number, not "${values.base}"`, 2);
    try {
      const saved = await saveVersion(db, await projectFor(doc.id, values.project, db), doc, systemAuthor('cli'), { baseVersion: base, message: `pipeworks import ${file}` });
      console.log(saved.created ? `imported ${file}: ${doc.id} v${saved.version}` : `${file}: ${doc.id} v${saved.version} already holds it`);
    } catch (error) {
      if (!(error instanceof SaveConflictError)) throw error;
      console.error(`refused ${file}: ${error.message}`);
      refused++;
    }
  }
  return refused > 0 ? 1 : 0;
}
