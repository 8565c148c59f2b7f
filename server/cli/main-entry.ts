// The compiled CLI's entry (bin/cli-build.mjs bundles from here): run the command, set the exit code.
import { main } from './main';

process.exitCode = await main(process.argv.slice(2));
