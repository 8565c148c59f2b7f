// Typed access to a node's inputs. compile() guarantees kinds match, so a mismatch here is a bug, not user error.
import type { PortValue, TableValue } from './values';

export function tableInput(inputs: Record<string, PortValue>, name: string): TableValue {
  const value = inputs[name];
  if (value === undefined) throw new Error(`Input "${name}" is missing`);
  if (value.kind !== 'table') throw new Error(`Input "${name}" is a ${value.kind}, expected a table`);
  return value;
}
