// The node registry as the server sees it: test-only nodes appear only when the env asks for them,
// and tests may start it as an upgraded build would be (other implementation hashes).
import { canonicalJSON } from '../../engine/canonical-json';
import { createRegistry } from '../../nodes/registry';
import { getEnv } from '../env';

let cached: { options: string; registry: ReturnType<typeof createRegistry> } | undefined;

export function serverRegistry() {
  const env = getEnv();
  const options = { testNodes: env.PIPEWORKS_TEST_NODES, implementationHashes: env.PIPEWORKS_TEST_IMPLEMENTATION_HASHES };
  const key = canonicalJSON(options);
  if (!cached || cached.options !== key) cached = { options: key, registry: createRegistry(options) };
  return cached.registry;
}
