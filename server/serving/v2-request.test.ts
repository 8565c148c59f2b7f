import { describe, expect, it } from 'vitest';
import { checkDatatypes } from './v2-request';

describe('checkDatatypes', () => {
  const inputs = [{ info: { name: 'amount', type: 'numeric' as const } }, { info: { name: 'city', type: 'categorical' as const } }];

  it('refuses a datatype that does not fit its column, whatever map passed before', () => {
    const fits = new Map([['amount', 'FP64'], ['city', 'BYTES']] as const);
    checkDatatypes(fits, inputs);
    checkDatatypes(fits, inputs);
    expect(() => checkDatatypes(new Map([['amount', 'BYTES']] as const), inputs)).toThrow(/Input "amount": datatype BYTES does not fit this numeric column/);
    expect(() => checkDatatypes(new Map([['city', 'FP32']] as const), inputs)).toThrow(/Input "city": datatype FP32/);
    checkDatatypes(fits, inputs);
  });
});
