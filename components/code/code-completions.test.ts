import { describe, expect, it } from 'vitest';
import { codeCompletions, errorLine } from './code-completions';

const columns = [
  { name: 'amount', type: 'numeric', role: 'feature' },
  { name: 'is fraud', type: 'boolean', role: 'target' },
];

describe('codeCompletions', () => {
  it('offers the input columns after cols., with their types, bracketing names that are not identifiers', () => {
    const found = codeCompletions('  const x = cols.am', columns)!;
    expect(found.from).toBe('  const x = cols.'.length);
    expect(found.options.map((o) => o.label)).toEqual(['amount', 'is fraud']);
    expect(found.options[0].detail).toContain('Float64Array');
    expect(found.options[1]).toMatchObject({ bracketed: '["is fraud"]' });
    expect(found.options[1].detail).toContain('target');
  });

  it('offers nothing after cols. while the columns are not known', () => {
    expect(codeCompletions('cols.', null)).toBeNull();
  });

  it("offers Math's functions and constants after Math.", () => {
    const labels = codeCompletions('Math.lo', columns)!.options.map((o) => o.label);
    expect(labels).toContain('log1p');
    expect(labels).toContain('PI');
  });

  it('offers the API names for a typed word', () => {
    expect(codeCompletions('(c) => sc', columns)!.options.map((o) => o.label)).toEqual(['schema']);
    expect(codeCompletions('(c) => ', columns)).toBeNull();
  });
});

describe('errorLine', () => {
  it('reads the line an error names, or null', () => {
    expect(errorLine('The code threw an error: x is not defined (line 3)')).toBe(3);
    expect(errorLine('SyntaxError at <isolated-vm>:2:14')).toBe(2);
    expect(errorLine('The code took too long')).toBeNull();
    expect(errorLine(null)).toBeNull();
  });
});
