// Worker-thread entry for imports: loads the TypeScript worker through tsx, like the step worker.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./ingest-worker.ts');
export default mod.default;
