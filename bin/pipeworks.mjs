#!/usr/bin/env node
// The `pipeworks` command. Loads the TypeScript sources through tsx, so a checkout needs no extra build.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
// Node code edited since the last build must not reuse results of the code before: refresh the
// implementation hashes first (a no-op write when nothing changed).
const { refreshImplementationHashes } = await import('../server/build/refresh-hashes.ts');
await refreshImplementationHashes(fileURLToPath(new URL('..', import.meta.url)));
const { main } = await import('../server/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
