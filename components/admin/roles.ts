// The roles a person can hold, in the order the role picker lists them, with what each may do.
import type { SessionRole } from '../shell/session-user';

export const ROLE_OPTIONS: { value: SessionRole; label: string; hint: string }[] = [
  { value: 'admin', label: 'Admin', hint: 'Everything, including users and projects' },
  { value: 'scientist', label: 'Scientist', hint: 'Builds and runs pipelines' },
  { value: 'analyst', label: 'Analyst', hint: 'Builds and runs pipelines' },
  { value: 'viewer', label: 'Viewer', hint: 'Reads pipelines and runs; approves promotions (managers)' },
];

export function isSessionRole(value: string): value is SessionRole {
  return ROLE_OPTIONS.some((r) => r.value === value);
}
