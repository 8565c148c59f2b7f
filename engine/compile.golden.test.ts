// Golden tests: each fixture pipeline beside the plan (or issue list) it must compile to. A
// change in a plan is a change in behaviour and shows in the diff. UPDATE_GOLDEN=1 rewrites them.
// node:fs is fine here: this file runs under vitest only and is never bundled with the engine.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from './compile';
import { parseDocument } from './document';
import { createTestRegistry, TEST_ENV } from './test-registry';

const dir = join(__dirname, '..', 'tests', 'fixtures', 'pipelines');
// Listed, not globbed: other suites keep fixtures in this folder too, built on real node types.
// To add a case, add its <name>.json, list it here and run once with UPDATE_GOLDEN=1.
const names = ['cycle', 'diamond', 'disconnected', 'every-error', 'linear', 'non-deterministic'];

describe('compile golden fixtures', () => {
  it('has an expected file for every case', () => {
    expect(names.filter((n) => !existsSync(join(dir, `${n}.expected.json`)))).toEqual([]);
  });

  it.each(names)('%s', (name) => {
    const parsed = parseDocument(readFileSync(join(dir, `${name}.json`), 'utf8'));
    if (!parsed.ok) throw new Error(`fixture ${name} is not a valid document: ${JSON.stringify(parsed.error)}`);
    const result = compile(parsed.value, createTestRegistry(), TEST_ENV);
    const actual = result.ok ? { plan: result.value } : { issues: result.error };
    const file = join(dir, `${name}.expected.json`);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      return;
    }
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
