// A bundled sample's column schema from its manifest entry, without reading the file: the manifest's
// `schema` gives names, types and id roles, `target` and `time` give the others, as the node's run assigns them.
import type { ColumnInfo, ColumnRole } from '../values';
import type { SampleDataset } from './samples/manifest';

export function sampleRoles(sample: SampleDataset): Map<string, ColumnRole> {
  const roles = new Map<string, ColumnRole>([[sample.target, 'target']]);
  if (sample.time !== undefined) roles.set(sample.time, 'time');
  return roles;
}

export function sampleColumns(sample: SampleDataset): ColumnInfo[] {
  const roles = sampleRoles(sample);
  return sample.schema.map(({ name, type, role }) => ({ name, type, role: roles.get(name) ?? role ?? 'feature' }));
}
