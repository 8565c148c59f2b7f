// A challenger that passed its gates: 'auto' rolls it out as the endpoint's primary through the
// deploy code (serving follows the revision bump; a project that guards production still gets a
// request instead), 'approval' asks a manager with a deploy request (mode replace). Runs inside
// the challenge's transaction (withTransaction), awaiting only its queries.
import { audit } from '../auth/audit';
import type { AnyDb } from '../db/any-db';
import type { Endpoint, ModelVersion, PromotionMode } from '../db/schema';
import { askApproval, deployVersion } from '../deployments/deploy';
import type { DeployGateResult } from '../../nodes/deploy/deploy-gates';

export interface PromoteInput {
  endpoint: Endpoint;
  challenger: ModelVersion;
  mode: PromotionMode;
  runId: string;
  userId: string | null;
  gates: DeployGateResult[];
}

export async function decideChallenge(tx: AnyDb, input: PromoteInput): Promise<{ decision: 'promoted' | 'awaiting_approval'; deployRequestId: string | null }> {
  const source = { userId: input.userId, runId: input.runId };
  const comment = `Retrained challenger v${input.challenger.version} beat the champion on the fresh holdout`;
  if (input.mode === 'auto') {
    const outcome = await deployVersion(tx, { endpointId: input.endpoint.id, versionId: input.challenger.id, mode: 'replace', comment, source });
    if (outcome.state === 'pending') return { decision: 'awaiting_approval', deployRequestId: outcome.requestId };
    return { decision: 'promoted', deployRequestId: null };
  }
  const requestId = await askApproval(tx, input.endpoint.id, input.challenger.id, 'replace', 0, input.gates, { comment, source });
  await audit(tx, {
    userId: input.userId,
    action: 'deployment.request',
    targetType: 'deploy_request',
    targetId: requestId,
    detail: { endpoint: input.endpoint.name, version: input.challenger.version, mode: 'replace', gates: input.gates, runId: input.runId, via: 'challenge' },
  });
  return { decision: 'awaiting_approval', deployRequestId: requestId };
}
