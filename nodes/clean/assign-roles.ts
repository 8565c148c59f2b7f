// Applies role assignments to a column schema, keeping at most one target.
import { UserError } from '../../engine/errors';
import type { ColumnInfo, ColumnRole } from '../values';

export interface RoleAssignment {
  column: string;
  role: ColumnRole;
}

/**
 * Columns not named keep their role, except that an earlier target gives way (becomes a feature)
 * when another column is made the target; `demoted` names it. Time columns must be datetime or numeric.
 */
export function assignRoles(
  columns: readonly ColumnInfo[],
  roles: readonly RoleAssignment[],
): { columns: ColumnInfo[]; demoted: string[] } {
  const targets = roles.flatMap((r, i) => (r.role === 'target' ? [i] : []));
  if (targets.length > 1) {
    const [first, second] = targets.map((i) => roles[i].column);
    throw new UserError(`Only one column can be the target; "${first}" and "${second}" both are`, {
      field: `roles.${targets[1]}.role`,
      column: second,
    });
  }
  const byName = new Map(roles.map((r, i) => [r.column, { role: r.role, i }]));
  for (const [name, { role, i }] of byName) {
    const info = columns.find((c) => c.name === name)!;
    if (role === 'time' && info.type !== 'datetime' && info.type !== 'numeric') {
      throw new UserError(`A time column must be datetime or numeric; "${name}" is ${info.type}`, {
        field: `roles.${i}.role`,
        column: name,
      });
    }
  }
  const demoted: string[] = [];
  const out = columns.map((info) => {
    const assigned = byName.get(info.name)?.role;
    if (assigned !== undefined) return { ...info, role: assigned };
    if (info.role === 'target' && targets.length === 1) {
      demoted.push(info.name);
      return { ...info, role: 'feature' as const };
    }
    return info;
  });
  return { columns: out, demoted };
}
