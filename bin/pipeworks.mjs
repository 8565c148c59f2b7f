#!/usr/bin/env node
// The `pipeworks` command. Loads the TypeScript sources through tsx, so a checkout needs no extra build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
