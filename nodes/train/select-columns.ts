// Which column is the target and which are features. Columns with role id, time or ignore are
// never features, so a row id cannot leak into a model by accident.
import { UserError } from '../../engine/errors';
import type { ColumnInfo, ColumnRole } from '../values';

export interface ColumnSelection {
  target: ColumnInfo;
  features: ColumnInfo[];
}

const NEVER_FEATURES: readonly ColumnRole[] = ['id', 'time', 'ignore'];

/** `target` and `features` come from the params; empty values mean "use the column roles". */
export function selectColumns(
  columns: readonly ColumnInfo[],
  choice: { target?: string; features?: readonly string[] },
): ColumnSelection {
  const target = pickTarget(columns, choice.target || undefined);
  const features = choice.features?.length ? listedFeatures(columns, choice.features, target) : roleFeatures(columns, target);
  if (features.length === 0) {
    throw new UserError(
      `There are no feature columns to train on: every column other than the target "${target.name}" ` +
        'has role id, time, ignore or target. Set a role to feature with a clean node, or list features in the params.',
      { field: 'features' },
    );
  }
  return { target, features };
}

function pickTarget(columns: readonly ColumnInfo[], name: string | undefined): ColumnInfo {
  if (name !== undefined) {
    const column = columns.find((c) => c.name === name);
    if (!column) throw new UserError(`Target column "${name}" is not in the training table`, { field: 'target', column: name });
    return column;
  }
  const marked = columns.filter((c) => c.role === 'target');
  if (marked.length === 1) return marked[0];
  if (marked.length === 0) {
    throw new UserError('No target column: name one in the Target param, or set a column\'s role to target', { field: 'target' });
  }
  throw new UserError(
    `Several columns have role target (${marked.map((c) => `"${c.name}"`).join(', ')}); name the one to predict in the Target param`,
    { field: 'target' },
  );
}

function listedFeatures(columns: readonly ColumnInfo[], names: readonly string[], target: ColumnInfo): ColumnInfo[] {
  const seen = new Set<string>();
  return names.map((name) => {
    const column = columns.find((c) => c.name === name);
    if (!column) throw new UserError(`Feature column "${name}" is not in the training table`, { field: 'features', column: name });
    if (name === target.name) throw new UserError(`The target "${name}" cannot also be a feature`, { field: 'features', column: name });
    if (NEVER_FEATURES.includes(column.role)) {
      throw new UserError(`Column "${name}" has role ${column.role}, which is never a feature; change its role first`, {
        field: 'features',
        column: name,
      });
    }
    if (seen.has(name)) throw new UserError(`Feature column "${name}" is listed twice`, { field: 'features', column: name });
    seen.add(name);
    return column;
  });
}

function roleFeatures(columns: readonly ColumnInfo[], target: ColumnInfo): ColumnInfo[] {
  return columns.filter((c) => c.role === 'feature' && c.name !== target.name);
}
