#!/usr/bin/env node
// Compiles the CLI (server/cli/main.ts and everything it imports) to JavaScript in dist/cli, so a
// command starts in plain Node instead of transpiling TypeScript through tsx on every call.
// `npm run build` runs it, `postinstall` tries it, and bin/pipeworks.mjs runs it when the sources
// changed since. `--if-possible` (postinstall) reports a failure instead of failing the install.
import { fileURLToPath } from 'node:url';
import { buildCli } from './cli-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
try {
  const { seconds, files } = await buildCli(root);
  if (!quiet) console.log(`pipeworks CLI compiled: ${files} source files into dist/cli in ${seconds.toFixed(2)} s`);
} catch (error) {
  console.error(`pipeworks CLI not compiled: ${error instanceof Error ? error.message : String(error)}`);
  if (!process.argv.includes('--if-possible')) process.exitCode = 1;
}
