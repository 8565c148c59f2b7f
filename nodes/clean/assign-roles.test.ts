import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../values';
import { assignRoles } from './assign-roles';

const columns: ColumnInfo[] = [
  { name: 'id', type: 'numeric', role: 'feature' },
  { name: 'label', type: 'categorical', role: 'target' },
  { name: 'when', type: 'datetime', role: 'feature' },
  { name: 'note', type: 'text', role: 'feature' },
];

describe('assignRoles', () => {
  it('sets the listed roles and keeps the others', () => {
    const { columns: out, demoted } = assignRoles(columns, [
      { column: 'id', role: 'id' },
      { column: 'when', role: 'time' },
      { column: 'note', role: 'ignore' },
    ]);
    expect(out.map((c) => c.role)).toEqual(['id', 'target', 'time', 'ignore']);
    expect(demoted).toEqual([]);
  });

  it('moves the target: the old one becomes a feature', () => {
    const { columns: out, demoted } = assignRoles(columns, [{ column: 'note', role: 'target' }]);
    expect(out.filter((c) => c.role === 'target').map((c) => c.name)).toEqual(['note']);
    expect(out[1].role).toBe('feature');
    expect(demoted).toEqual(['label']);
  });

  it('refuses two targets, and a time role on a text column', () => {
    expect(() =>
      assignRoles(columns, [
        { column: 'id', role: 'target' },
        { column: 'note', role: 'target' },
      ]),
    ).toThrow('Only one column can be the target; "id" and "note" both are');
    expect(() => assignRoles(columns, [{ column: 'note', role: 'time' }])).toThrow(/must be datetime or numeric; "note" is text/);
  });
});
