// Who may do what. Every route checks `can` rather than comparing role names itself.
import { assertNever } from '../../engine/assert-never';

export const ROLES = ['admin', 'scientist', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'pipeline.read',
  'pipeline.write',
  'run.start',
  'run.cancel',
  'user.manage',
  /** Create projects, and rename or archive the ones you created. */
  'project.create',
  /** Rename or archive any project. */
  'project.write',
  /** Register a model version (from a run, or by import). */
  'model.register',
  /** Point an alias at a version, or ask for a guarded alias (production) to move. */
  'model.alias',
  /** Approve or reject a requested move of a guarded alias: managers (viewers) and admins. */
  'model.approve',
  /** Delete runs, pipeline versions and model versions (their storage is freed by GC). */
  'history.delete',
  /** See what storage GC would free, and collect it. */
  'storage.gc',
  /** Deploy model versions to endpoints, roll back, undeploy, change endpoint settings and keys. */
  'deploy.manage',
  /** Read the audit trail. */
  'audit.read',
  /** Change installation-wide settings (whether upgrades keep cached results): admins only. */
  'settings.manage',
  /** Add or change the code of code nodes (it runs, sandboxed, on the server): scientists and admins. */
  'code.write',
] as const;
export type Action = (typeof ACTIONS)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, action: Action): boolean {
  switch (role) {
    case 'admin':
      return true;
    case 'scientist':
      return action === 'code.write' || canBuild(action);
    case 'analyst':
      return canBuild(action);
    case 'viewer':
      return canReview(action);
    default:
      return assertNever(role, 'role');
  }
}

// Viewers (managers among them) read everything and approve promotions; they change nothing else.
function canReview(action: Action): boolean {
  switch (action) {
    case 'pipeline.read':
    case 'model.approve':
      return true;
    case 'pipeline.write':
    case 'run.start':
    case 'run.cancel':
    case 'user.manage':
    case 'project.create':
    case 'project.write':
    case 'model.register':
    case 'model.alias':
    case 'history.delete':
    case 'deploy.manage':
    case 'storage.gc':
    case 'audit.read':
    case 'settings.manage':
    case 'code.write':
      return false;
    default:
      return assertNever(action, 'action');
  }
}

// Scientists and analysts build, run, register and promote, and start projects; they manage
// neither people nor others' projects, and approving a promotion is someone else's call. Writing
// code is the scientists' (see can): analysts run pipelines that contain it.
function canBuild(action: Action): boolean {
  switch (action) {
    case 'pipeline.read':
    case 'pipeline.write':
    case 'run.start':
    case 'run.cancel':
    case 'project.create':
    case 'model.register':
    case 'model.alias':
    case 'history.delete':
    case 'deploy.manage':
      return true;
    case 'user.manage':
    case 'project.write':
    case 'model.approve':
    case 'storage.gc':
    case 'audit.read':
    case 'settings.manage':
    case 'code.write':
      return false;
    default:
      return assertNever(action, 'action');
  }
}

/**
 * Registering a model built on browser results the server has not verified needs someone who
 * answers for the science: a scientist or an administrator approves it (server/registry/register.ts).
 */
export function canApproveUnverified(role: Role): boolean {
  switch (role) {
    case 'admin':
    case 'scientist':
      return true;
    case 'analyst':
    case 'viewer':
      return false;
    default:
      return assertNever(role, 'role');
  }
}

/**
 * Cancelling stops someone's work: a run's owner may, and so may scientists and admins (who look
 * after shared runs); an analyst may cancel only their own. Needs 'run.cancel' first. Why not, in
 * words, or null when they may: the server's 403 and the studio's disabled Cancel button both
 * say this, so the button never offers what the server refuses.
 */
export function cancelRefusal(user: { id: string; role: Role }, run: { createdBy: string | null }): string | null {
  if (!can(user.role, 'run.cancel')) return `Your role (${user.role}) may not cancel runs`;
  switch (user.role) {
    case 'admin':
    case 'scientist':
      return null;
    case 'analyst':
    case 'viewer':
      return run.createdBy === user.id ? null : 'Analysts may cancel only runs they started; ask its owner, a scientist or an admin';
    default:
      return assertNever(user.role, 'role');
  }
}

export function canCancelRun(user: { id: string; role: Role }, run: { createdBy: string | null }): boolean {
  return cancelRefusal(user, run) === null;
}
