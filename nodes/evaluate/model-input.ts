// Typed access to a `model` input (nodes/port-inputs.ts has the table one).
import type { ModelArtifact } from '../models/model-artifact';
import type { PortValue } from '../values';

export function modelInput(inputs: Record<string, PortValue>, name: string): ModelArtifact {
  const value = inputs[name];
  if (value === undefined) throw new Error(`Input "${name}" is missing`);
  if (value.kind !== 'model') throw new Error(`Input "${name}" is a ${value.kind}, expected a model`);
  return value.model;
}
