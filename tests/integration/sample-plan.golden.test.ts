// The bundled sample pipeline compiled with the real node registry, checked in beside it.
// A change to a built-in node's params, defaults or cache-key inputs shows up in this diff;
// rewrite with UPDATE_GOLDEN=1 only when that change is intended (and bump the node's version).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { compile } from '../../engine/compile';
import { parseDocument } from '../../engine/document';
import { createRegistry } from '../../nodes/registry';

const SAMPLE = path.join(process.cwd(), 'server/pipelines/samples/breast-cancer-explore.json');
const EXPECTED = path.join(process.cwd(), 'tests/fixtures/pipelines/breast-cancer-explore.expected.json');

it('compiles the sample pipeline to its checked-in plan', () => {
  const parsed = parseDocument(readFileSync(SAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  const result = compile(parsed.value, createRegistry());
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(EXPECTED, `${JSON.stringify(result.value, null, 2)}\n`);
  expect(result.value).toEqual(JSON.parse(readFileSync(EXPECTED, 'utf8')));
});
