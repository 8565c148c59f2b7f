#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ and prints figures with same-run reference ratios.
import { register } from 'tsx/esm/api';

register();
const { runAll } = await import('../bench/run-all.ts');
process.exitCode = await runAll(process.argv.slice(2));
