// Worker-thread entry for Parquet exports: loads the TypeScript worker through tsx, like the ingest worker.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./parquet-worker.ts');
export default mod.default;
