// What the signed-in person may do on registry pages; the server checks the same actions again.
import type { RegistryPermissions } from '../../../components/registry/ModelPage';
import type { SessionUser } from '../../../components/shell/session-user';
import { can } from '../../../server/auth/roles';

export function registryPermissions(user: SessionUser): RegistryPermissions {
  return {
    userId: user.id,
    canAlias: can(user.role, 'model.alias'),
    canApprove: can(user.role, 'model.approve'),
    canDelete: can(user.role, 'history.delete'),
    canSetKpis: can(user.role, 'deploy.manage'),
  };
}
