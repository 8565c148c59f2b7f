// Worker-thread entry: loads the TypeScript step worker through tsx, so the same sources run
// under Next's server, the CLI and the tests without a separate build of the worker.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./step-worker.ts');
export default mod.default;
