import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS_FORM, nameFromFile, toUploadOptions } from './upload-options';
import { readResponse, uploadUrl } from './upload-request';

describe('toUploadOptions', () => {
  it('sends nothing for the defaults', () => {
    expect(toUploadOptions(DEFAULT_OPTIONS_FORM)).toEqual({ options: {} });
  });

  it('reads delimiter, encoding, NA tokens and column types', () => {
    const form = { delimiter: ';' as const, encoding: 'windows-1252' as const, naTokens: 'n.a., --', types: 'zip = categorical, when=datetime' };
    expect(toUploadOptions(form)).toEqual({
      options: { delimiter: ';', encoding: 'windows-1252', naTokens: ['', 'n.a.', '--'], types: { zip: 'categorical', when: 'datetime' } },
    });
  });

  it('says what is wrong with a column type', () => {
    expect(toUploadOptions({ ...DEFAULT_OPTIONS_FORM, types: 'zip' })).toEqual({ error: 'Column types: write column=type (got "zip")' });
    expect(toUploadOptions({ ...DEFAULT_OPTIONS_FORM, types: 'zip=number' })).toEqual({
      error: 'Column types: "number" is not one of numeric, categorical, boolean, datetime, text',
    });
  });
});

describe('upload helpers', () => {
  it('names a dataset after its file', () => {
    expect(nameFromFile('Sales 2024.CSV')).toBe('Sales 2024');
    expect(nameFromFile('events.parquet')).toBe('events');
  });

  it('puts options in the query only when there are some', () => {
    expect(uploadUrl('sales', 'a.csv', {})).toBe('/api/datasets/upload?name=sales&filename=a.csv');
    expect(uploadUrl('s', 'a.csv', { delimiter: ';' })).toContain('options=%7B%22delimiter%22%3A%22%3B%22%7D');
  });

  it('reads a rejection with its line and column, and survives a body that is not JSON', () => {
    const body = JSON.stringify({ error: 'Line 4, column 4: this row has more fields than the header\'s 3', line: 4, column: 4 });
    expect(readResponse(400, body)).toEqual({ ok: false, status: 400, message: 'Line 4, column 4: this row has more fields than the header\'s 3', line: 4, column: 4, columnName: undefined });
    expect(readResponse(502, '<html>')).toMatchObject({ ok: false, message: 'The upload failed (HTTP 502)' });
  });
});
