import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeByLayout, forgetLayouts } from './v2-body-layout';
import { decodeV2Fast } from './v2-fast-decode';
import { decodeV2Request, type V2Request } from './v2-request';

/** What the generic path gives: the decoded request, or the error it answers with. */
function generic(text: string): unknown {
  try {
    return decodeV2Request(JSON.parse(text));
  } catch (error) {
    return error;
  }
}

/**
 * A decoded request without `table.order` (the layout's columns in order, which the generic path
 * leaves out), once `order` is checked to hold exactly the table's columns in the table's order.
 */
function withoutOrder(request: V2Request | null): V2Request | null {
  if (request?.table.order === undefined) return request;
  const { order, rows, columns } = request.table;
  expect(order.names).toEqual([...columns.keys()]);
  order.names.forEach((name, i) => expect(order.values[i]).toBe(columns.get(name)));
  return { ...request, table: { rows, columns } };
}

const fast = (text: string) => withoutOrder(decodeV2Fast(Buffer.from(text, 'utf8')));
const byLayout = (text: string) => withoutOrder(decodeByLayout(text));

describe('decodeV2Fast', () => {
  const tensor = (name: string, data: unknown[], datatype = 'FP64', shape: unknown = [data.length]) => ({ name, shape, datatype, data });

  it('gives what the generic decoder gives for the common shape', () => {
    const bodies = [
      { inputs: [tensor('x0', [0.841]), tensor('x1', [-0.909])] },
      { id: 'req-1', inputs: [tensor('a', [1, 2, 3], 'INT32'), tensor('b', [null, 0, -0], 'FP32', [3, 1])] },
      { inputs: [tensor('n', [1e21, 1.5e-7, 2 ** 60 + 2 ** 9, 0.1 + 0.2, 5e-324, 1.7976931348623157e308])] },
      { inputs: [tensor('u', [7], 'UINT64')], id: '' },
    ];
    for (const body of bodies) {
      for (const text of [JSON.stringify(body), JSON.stringify(body, null, 2)]) {
        const got = fast(text);
        expect(got).not.toBeNull();
        expect(got).toEqual(generic(text));
      }
    }
  });

  it('reads numbers exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 8 }), (values) => {
        const text = JSON.stringify({ inputs: [tensor('x', values)] });
        const got = fast(text);
        expect(got).not.toBeNull();
        const column = got!.table.columns.get('x')!;
        expect(column.map((v) => Object.is(v, -0) ? 'minus zero' : v)).toEqual((JSON.parse(text).inputs[0].data as number[]).map((v) => (Object.is(v, -0) ? 'minus zero' : v)));
      }),
    );
    for (const literal of ['0.1', '-0', '1E5', '1e-7', '12345678901234567890', '0.000001234', '9007199254740993', '1.00000000000000000001']) {
      expect(fast(`{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[${literal}]}]}`)!.table.columns.get('x')).toEqual([JSON.parse(literal)]);
    }
  });

  it('leaves everything else to the generic path, which names the problem', () => {
    const others = [
      '',
      'null',
      '[]',
      '{}',
      '{"inputs":[]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"BYTES","data":["a"]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"BOOL","data":[true]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[[1]]}]}',
      '{"inputs":[{"name":"x","shape":[2],"datatype":"FP64","data":[1]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"INT8","data":[1.5]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1e999]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[NaN]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":["1"]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[01]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1.]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]},{"name":"x","shape":[1],"datatype":"FP64","data":[2]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]},{"name":"y","shape":[2],"datatype":"FP64","data":[1,2]}]}',
      '{"inputs":[{"name":"x","shape":[0],"datatype":"FP64","data":[]}]}',
      '{"inputs":[{"name":"x","shape":[1,2],"datatype":"FP64","data":[1,2]}]}',
      '{"inputs":[{"name":"","shape":[1],"datatype":"FP64","data":[1]}]}',
      '{"inputs":[{"name":"x\\u0031","shape":[1],"datatype":"FP64","data":[1]}]}',
      '{"inputs":[{"name":"é","shape":[1],"datatype":"FP64","data":[1]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1],"parameters":{}}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}],"outputs":[{"name":"predict"}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}],"id":5}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}]} x',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}],}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1,]}]}',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}]',
      '{"inputs":[{"name":"x","shape":[1],"datatype":"FP64","data":[1]}],"inputs":[]}',
    ];
    for (const text of others) expect(fast(text), text).toBeNull();
  });

  it('never accepts what the generic path refuses, and agrees where it accepts (fuzzed)', () => {
    const value = fc.oneof(fc.double(), fc.integer(), fc.constant(null), fc.string(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }));
    const input = fc.record(
      {
        name: fc.oneof(fc.constantFrom('x', 'y', 'z'), fc.string()),
        shape: fc.oneof(fc.tuple(fc.nat(3)), fc.tuple(fc.nat(3), fc.constantFrom(1, 2))),
        datatype: fc.constantFrom('FP64', 'FP32', 'INT64', 'UINT8', 'BYTES', 'BOOL', 'fp64'),
        data: fc.array(value, { maxLength: 3 }),
        parameters: fc.constant({}),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.record({ inputs: fc.array(input, { maxLength: 3 }), id: fc.oneof(fc.string(), fc.integer()) }, { requiredKeys: [] }), (body) => {
        const text = JSON.stringify(body);
        const got = fast(text);
        if (got !== null) expect(got).toEqual(generic(text));
      }),
      { numRuns: 2000 },
    );
  });

  describe('by a layout read before', () => {
    const body = (values: string[], id = '') =>
      `{${id ? `"id": "${id}", ` : ''}"inputs":[{"name":"a","shape":[2],"datatype":"FP64","data":[${values[0]}, ${values[1]}]},{"name":"b","shape":[2, 1],"datatype":"INT32","data":[${values[2]},${values[3]}]}]}\n`;

    it('reads only the values of a body laid out like an earlier one, and gives what the generic path gives', () => {
      forgetLayouts();
      expect(byLayout(body(['1', '2', '3', '4']))).toBeNull();
      expect(fast(body(['1', '2', '3', '4']))).toEqual(generic(body(['1', '2', '3', '4'])));
      for (const values of [['0.5', '-2e3', '7', 'null'], ['null', '12345678901234567890', '-0', '8']]) {
        const text = body(values);
        expect(byLayout(text), text).not.toBeNull();
        expect(byLayout(text)).toEqual(generic(text));
        expect(fast(text)).toEqual(generic(text));
      }
      fast(body(['1', '2', '3', '4'], 'req-1'));
      expect(byLayout(body(['1', '2', '3', '4'], 'other'))).toEqual(generic(body(['1', '2', '3', '4'], 'other')));
      expect(byLayout(body(['1', '2', '3', '4']))).toEqual(generic(body(['1', '2', '3', '4'])));
    });

    it('takes nothing else for that layout: any other value or text goes the full way (fuzzed)', () => {
      forgetLayouts();
      fast(body(['1', '2', '3', '4']));
      const token = fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => JSON.stringify(v)),
        fc.integer().map(String),
        fc.constantFrom('null', 'true', '"3"', '1.', '01', '1e999', '-', '', ' 1', '1 ', '1.5e', '[1]', '0x1', 'NaN', '1,2', '2]'),
      );
      fc.assert(
        fc.property(fc.tuple(token, token, token, token), fc.constantFrom('', ' ', 'x'), (values, tail) => {
          const text = body(values) + tail;
          const got = byLayout(text);
          const full = generic(text);
          if (got !== null) expect(got).toEqual(full);
          const fastGot = fast(text);
          if (fastGot !== null) expect(fastGot).toEqual(full);
          // A body the generic path accepts whose values are plain numbers is read by the layout.
          if (tail === '' && values.every((v) => /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v) && Number.isFinite(Number(v))) && !(full instanceof Error)) expect(got).not.toBeNull();
        }),
        { numRuns: 2000 },
      );
    });
  });
});
