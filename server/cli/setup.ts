import { boot } from '../boot';
import { getEnv } from '../env';

export async function cmdSetup(): Promise<number> {
  await boot({ resume: false });
  console.log(`Database migrated and sample project ready in ${getEnv().PIPEWORKS_DATA_DIR}`);
  return 0;
}
