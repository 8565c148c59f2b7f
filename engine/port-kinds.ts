// The closed union of what can travel along an edge. Connections must join equal kinds.
export const PORT_KINDS = ['table', 'model', 'metrics', 'deployment', 'report'] as const;
export type PortKind = (typeof PORT_KINDS)[number];

export function isPortKind(value: string): value is PortKind {
  return (PORT_KINDS as readonly string[]).includes(value);
}
