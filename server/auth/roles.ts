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
    case 'analyst':
      return canBuild(action);
    case 'viewer':
      return action === 'pipeline.read';
    default:
      return assertNever(role, 'role');
  }
}

// Scientists and analysts build and run pipelines and start projects, but manage neither people nor others' projects.
function canBuild(action: Action): boolean {
  switch (action) {
    case 'pipeline.read':
    case 'pipeline.write':
    case 'run.start':
    case 'run.cancel':
    case 'project.create':
      return true;
    case 'user.manage':
    case 'project.write':
      return false;
    default:
      return assertNever(action, 'action');
  }
}
