// Worker-thread entry for artifact previews and statistics: loads the TypeScript worker through tsx, like the ingest worker.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./artifact-worker.ts');
export default mod.default;
