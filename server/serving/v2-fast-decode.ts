// The common V2 inference body, decoded straight from its bytes: numeric tensors of shape [N] or
// [N, 1] with flat `data`, an optional string `id`, nothing else. It gives exactly what
// decodeV2Request(JSON.parse(body)) gives for such a body, without building the parsed object
// tree first (JSON.parse plus the generic decode were a fifth of a one-row request's CPU).
// Anything else (other fields, BYTES or BOOL tensors, escapes, non-ASCII, nesting, a number that
// does not fit its datatype, any syntax error) answers null, and the caller takes the generic path,
// which accepts it or refuses it with the error naming the field: this decoder never refuses.
// A body laid out like one read before is decoded from its values alone (v2-body-layout.ts).
import type { RequestTable } from './request-table';
import { decodeByLayout, ID, INTEGER, NUMBER, rememberLayout, type ValueMark } from './v2-body-layout';
import { BAIL, CLOSE_BRACE, CLOSE_BRACKET, OPEN_BRACE, OPEN_BRACKET, Reader } from './v2-json-reader';
import type { V2Request } from './v2-request';

type Datatype = V2Request['datatypes'] extends Map<string, infer D> ? D : never;

/** Numeric datatypes by their text; the integer ones need integral values. */
const NUMERIC: ReadonlyMap<string, { datatype: Datatype; integer: boolean }> = new Map(
  (['FP16', 'FP32', 'FP64', 'BF16', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'INT8', 'INT16', 'INT32', 'INT64'] as const).map((d) => [
    d,
    { datatype: d, integer: !d.startsWith('FP') && d !== 'BF16' },
  ]),
);

/** The decoded request, or null when the body is not in the common shape (see the file comment). */
export function decodeV2Fast(body: Buffer): V2Request | null {
  // latin1 maps each byte to one character: a byte past ASCII (where UTF-8 would differ) can only
  // sit inside a string, and string() refuses it.
  const text = body.toString('latin1');
  const known = decodeByLayout(text);
  if (known !== null) return known;
  const marks: ValueMark[] = [];
  try {
    const request = decode(new Reader(text), marks);
    rememberLayout(text, marks, request);
    return request;
  } catch (error) {
    if (error === BAIL) return null;
    throw error;
  }
}

function decode(r: Reader, marks: ValueMark[]): V2Request {
  r.expect(OPEN_BRACE);
  let id: string | undefined;
  let table: RequestTable | null = null;
  let datatypes: Map<string, Datatype> | null = null;
  do {
    r.space();
    if (table === null && r.key('inputs')) {
      datatypes = new Map();
      table = inputs(r, datatypes, marks);
    } else if (id === undefined && r.key('id')) {
      const start = r.at;
      id = r.string();
      marks.push({ start, end: r.at, kind: ID, column: -1 });
    }
    else throw BAIL;
  } while (r.more(CLOSE_BRACE));
  if (!Number.isNaN(r.space())) throw BAIL; // something follows the object
  if (table === null || datatypes === null) throw BAIL;
  return { id, table, outputs: null, datatypes };
}

function inputs(r: Reader, datatypes: Map<string, Datatype>, marks: ValueMark[]): RequestTable {
  r.expect(OPEN_BRACKET);
  const columns = new Map<string, unknown[]>();
  let rows = -1;
  do {
    r.expect(OPEN_BRACE);
    let name: string | null = null;
    let shape = -1;
    let type: { datatype: Datatype; integer: boolean } | undefined;
    let data: (number | null)[] | null = null;
    const column = columns.size;
    const marked = marks.length;
    do {
      r.space();
      if (name === null && r.key('name')) name = r.string();
      else if (shape === -1 && r.key('shape')) shape = tensorShape(r);
      else if (type === undefined && r.key('datatype')) {
        type = NUMERIC.get(r.string());
        if (type === undefined) throw BAIL;
      } else if (data === null && r.key('data')) data = values(r, marks, column);
      else throw BAIL;
    } while (r.more(CLOSE_BRACE));
    if (name === null || name === '' || type === undefined || data === null || shape === -1 || columns.has(name)) throw BAIL;
    if (data.length !== shape || (rows !== -1 && shape !== rows)) throw BAIL;
    if (type.integer) {
      for (const v of data) if (v !== null && !Number.isInteger(v)) throw BAIL;
      for (let i = marked; i < marks.length; i++) marks[i].kind = INTEGER;
    }
    rows = shape;
    columns.set(name, data);
    datatypes.set(name, type.datatype);
  } while (r.more(CLOSE_BRACKET));
  if (rows <= 0) throw BAIL;
  return { rows, columns };
}

/** [N] or [N, 1]: the row count. */
function tensorShape(r: Reader): number {
  r.expect(OPEN_BRACKET);
  r.space();
  const n = r.count();
  if (r.more(CLOSE_BRACKET)) {
    r.space();
    if (r.count() !== 1 || r.more(CLOSE_BRACKET)) throw BAIL;
  }
  return n;
}

/** A flat array of numbers and nulls. */
function values(r: Reader, marks: ValueMark[], column: number): (number | null)[] {
  r.expect(OPEN_BRACKET);
  const out: (number | null)[] = [];
  if (r.space() === CLOSE_BRACKET) {
    r.at++;
    return out;
  }
  do {
    r.space();
    const start = r.at;
    out.push(r.numberOrNull());
    marks.push({ start, end: r.at, kind: NUMBER, column });
  } while (r.more(CLOSE_BRACKET));
  return out;
}
