import { describe, expect, it } from 'vitest';
import { mappingProblems, numericColumns, proposeMapping } from './csv-mapping';
import { inputLayout } from './input-layout';

const header = ['id', 'name', 'Amount', 'age', 'when'];
const rows = [
  ['1', 'Ada', '0.5', '30', '2024-01-01'],
  ['2', 'Bob', '', '41', '2024-01-02'],
];

const supported = (layout: ReturnType<typeof inputLayout>) => {
  if (layout.kind === 'unsupported') throw new Error(layout.reason);
  return layout;
};

describe('numericColumns', () => {
  it('finds columns whose non-blank preview values are all numbers', () => {
    expect(numericColumns(header, rows)).toEqual([0, 2, 3]);
    expect(numericColumns(['empty'], [[''], ['']])).toEqual([]);
  });
});

describe('proposeMapping', () => {
  it('matches named fields to columns by name, ignoring case and spaces', () => {
    const layout = supported(inputLayout([{ name: 'features', isTensor: true, type: 'float32', shape: ['N', 2] }], ['age', ' amount']));
    expect(proposeMapping(layout, header, rows)).toEqual([
      { column: 3, source: 'name' },
      { column: 2, source: 'name' },
    ]);
  });

  it('takes the first numeric columns in order for an unnamed feature tensor', () => {
    const layout = supported(inputLayout([{ name: 'x', isTensor: true, type: 'float32', shape: ['N', 3] }]));
    expect(proposeMapping(layout, header, rows)).toEqual([
      { column: 0, source: 'position' },
      { column: 2, source: 'position' },
      { column: 3, source: 'position' },
    ]);
    const wide = supported(inputLayout([{ name: 'x', isTensor: true, type: 'float32', shape: ['N', 4] }]));
    expect(proposeMapping(wide, header, rows)[3]).toEqual({ column: null, source: 'none' });
    expect(mappingProblems(wide.fields, proposeMapping(wide, header, rows))).toEqual(['Choose a CSV column for x[3].']);
  });

  it('maps one-input-per-column models by input name only', () => {
    const layout = supported(
      inputLayout([
        { name: 'age', isTensor: true, type: 'float32', shape: ['N', 1] },
        { name: 'tenure', isTensor: true, type: 'float32', shape: ['N', 1] },
      ]),
    );
    const mapping = proposeMapping(layout, header, rows);
    expect(mapping).toEqual([
      { column: 3, source: 'name' },
      { column: null, source: 'none' },
    ]);
    expect(mappingProblems(layout.fields, mapping)).toEqual(['Choose a CSV column for tenure.']);
  });
});
