// The studio's way to run the simulator on one of its endpoints (the demo's "Simulate drift"):
// a key of its own is made for the run, with scopes infer and feedback, and revoked when the run
// ends, so no raw key is ever stored or shown; the run is in the audit log with its result.
import { UserError } from '../../engine/errors';
import { audit } from '../auth/audit';
import type { AnyDb } from '../db/any-db';
import { createEndpointKey, revokeEndpointKey } from '../deployments/endpoint-keys';
import { endpointRow } from '../deployments/endpoint-row';
import { servingUrl } from '../deployments/serving-url';
import { describeScenario } from './drift-scenario';
import { simulate, type Simulation, type SimulationResult } from './simulate';

/** A studio request waits for the whole run, so it is kept to about two minutes of traffic and one of label delay. */
export const STUDIO_LIMITS = { seconds: 120, labelDelayMs: 60_000 };

export async function simulateEndpoint(db: AnyDb, endpointId: string, simulation: Simulation, userId: string, url = servingUrl()): Promise<SimulationResult> {
  const endpoint = await endpointRow(db, endpointId);
  const seconds = simulation.requests / simulation.rate;
  if (seconds > STUDIO_LIMITS.seconds) {
    throw new UserError(`${simulation.requests} requests at ${simulation.rate}/s take ${Math.ceil(seconds)} s; from the studio a run may take ${STUDIO_LIMITS.seconds} s (use \`pipeworks simulate\` for longer)`, { field: 'requests' });
  }
  if ((simulation.labelDelayMs ?? 0) > STUDIO_LIMITS.labelDelayMs) throw new UserError(`From the studio labels may wait at most ${STUDIO_LIMITS.labelDelayMs / 1000} s`, { field: 'labelDelayMs' });
  const key = await createEndpointKey(db, { endpointId: endpoint.id, name: 'drift simulator (temporary)', scopes: ['infer', 'feedback'], userId });
  try {
    // A new key moves the endpoint's revision; serving re-reads its keys on the next request.
    const result = await simulate({ url, endpoint: endpoint.name, key: key.key }, simulation);
    await audit(db, {
      userId,
      action: 'monitoring.simulate',
      targetType: 'endpoint',
      targetId: endpoint.id,
      detail: { endpoint: endpoint.name, scenario: describeScenario(simulation.scenario), requests: result.requests, rows: result.rows, refused: result.refused, labels: result.labels },
    });
    return result;
  } finally {
    await revokeEndpointKey(db, endpoint.id, key.id, userId);
  }
}
