// The node registry as the server sees it: test-only nodes appear only when the env asks for them.
import { createRegistry } from '../../nodes/registry';
import { getEnv } from '../env';

let cached: { testNodes: boolean; registry: ReturnType<typeof createRegistry> } | undefined;

export function serverRegistry() {
  const testNodes = getEnv().PIPEWORKS_TEST_NODES;
  if (!cached || cached.testNodes !== testNodes) cached = { testNodes, registry: createRegistry({ testNodes }) };
  return cached.registry;
}
