import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/errors';
import { parseCsv } from './parse-csv';

function thrown(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('parseCsv', () => {
  it('reads a header and typed columns', () => {
    const parsed = parseCsv('x,label,flag\n1.5,a,true\n,b,false\n3,a,\n');
    expect(parsed.rows).toBe(3);
    expect(parsed.columns.map((c) => c.info)).toEqual([
      { name: 'x', type: 'numeric', role: 'feature' },
      { name: 'label', type: 'categorical', role: 'feature' },
      { name: 'flag', type: 'boolean', role: 'feature' },
    ]);
    expect(parsed.columns[0].values).toEqual([1.5, null, 3]);
    expect(parsed.columns[2].values).toEqual([true, false, null]);
  });

  it('handles CRLF, a byte-order mark, quotes and blank lines', () => {
    const parsed = parseCsv('\uFEFFname,n\r\n"Smith, J",1\r\n\r\n"say ""hi""",2\r\n');
    expect(parsed.columns[0].info.name).toBe('name');
    expect(parsed.columns[0].values).toEqual(['Smith, J', 'say "hi"']);
    expect(parsed.columns[1].values).toEqual([1, 2]);
  });

  it('names the line of a ragged row, counting quoted line breaks', () => {
    const error = thrown(() => parseCsv('a,b\n1,"two\nlines"\n3\n'));
    expect(error.message).toMatch(/line 4 has 1 fields, but the header has 2/);
    expect(error.details.row).toBe(4);
    expect(thrown(() => parseCsv('a,b\n1,2,3\n')).details.row).toBe(2);
  });

  it('refuses duplicate and empty column names', () => {
    expect(thrown(() => parseCsv('a,a\n1,2\n')).message).toMatch(/"a" appears twice/);
    expect(thrown(() => parseCsv('a,\n1,2\n')).message).toMatch(/column 2 has no name/);
  });

  it('refuses an empty file and an unterminated quote', () => {
    expect(thrown(() => parseCsv('')).message).toMatch(/empty/);
    expect(thrown(() => parseCsv('a,b\n1,"2\n')).message).toMatch(/line 2/);
  });

  it('gives typed but empty columns for a header-only file', () => {
    const parsed = parseCsv('a,b\n');
    expect(parsed.rows).toBe(0);
    expect(parsed.columns.map((c) => c.values.length)).toEqual([0, 0]);
  });
});
