// Where the serving process listens, as the studio calls it and as snippets show it:
// PIPEWORKS_SERVING_URL, else http://127.0.0.1:<PIPEWORKS_SERVING_PORT, default 3001>.
import { getEnv } from '../env';

export function servingUrl(): string {
  const env = getEnv();
  return (env.PIPEWORKS_SERVING_URL ?? `http://127.0.0.1:${env.PIPEWORKS_SERVING_PORT}`).replace(/\/+$/, '');
}
