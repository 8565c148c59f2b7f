// Why a control is disabled for a role, in one wording everywhere.

export function cannotEditReason(role: string): string {
  return `Your role (${role}) cannot edit pipelines`;
}

export function cannotRunReason(role: string): string {
  return `Your role (${role}) cannot run pipelines`;
}
