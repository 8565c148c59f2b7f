// Where a step runs. Kept in one function so a smarter rule (data size, GPU, user quota) can
// replace the simple one without touching the compiler.
import type { Placement, PlacementSetting } from './node-definition';

/**
 * A fixed setting is honoured or refused (null). 'auto' picks the preferred runtime (the server
 * unless the caller says otherwise) when the node runs there, else the other one it supports.
 */
export function resolvePlacement(
  setting: PlacementSetting,
  runsOn: readonly Placement[],
  preferred: Placement = 'server',
): Placement | null {
  if (setting !== 'auto') return runsOn.includes(setting) ? setting : null;
  if (runsOn.includes(preferred)) return preferred;
  const other: Placement = preferred === 'server' ? 'browser' : 'server';
  return runsOn.includes(other) ? other : null;
}
