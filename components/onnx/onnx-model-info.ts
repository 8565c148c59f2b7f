// Reads the top level of an ONNX ModelProto (IR version, producer, opsets, metadata_props) without
// decoding the graph, whose bytes are skipped by length: cheap even for a model of hundreds of MB.
// onnxruntime-web does not expose metadata_props, and feature names live there.

export interface OnnxModelInfo {
  irVersion: number | null;
  producer: string;
  producerVersion: string;
  opsets: { domain: string; version: number }[];
  metadata: Record<string, string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public at = 0,
    public readonly end = bytes.length,
  ) {}

  done(): boolean {
    return this.at >= this.end;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.at >= this.end) throw new Error('the file ends inside a number');
      const b = this.bytes[this.at++];
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 128;
    }
    throw new Error('a number is longer than protobuf allows');
  }

  sub(): Reader {
    const length = this.varint();
    if (this.at + length > this.end) throw new Error('a field is longer than the file');
    const inner = new Reader(this.bytes, this.at, this.at + length);
    this.at += length;
    return inner;
  }

  string(): string {
    const r = this.sub();
    return utf8.decode(this.bytes.subarray(r.at, r.end));
  }

  skip(wire: number): void {
    if (wire === 0) this.varint();
    else if (wire === 1) this.at += 8;
    else if (wire === 2) this.sub();
    else if (wire === 5) this.at += 4;
    else throw new Error(`unknown protobuf wire type ${wire}`);
    if (this.at > this.end) throw new Error('a field is longer than the file');
  }
}

function readEntries(r: Reader, read: (field: number, wire: number) => boolean): void {
  while (!r.done()) {
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (field === 0) throw new Error('field number 0 is not valid protobuf');
    if (!read(field, wire)) r.skip(wire);
  }
}

/** The model's header fields, or an error saying why the bytes are not an ONNX model. */
export function readOnnxModelInfo(bytes: Uint8Array): { ok: true; info: OnnxModelInfo } | { ok: false; error: string } {
  const info: OnnxModelInfo = { irVersion: null, producer: '', producerVersion: '', opsets: [], metadata: {} };
  let hasGraph = false;
  try {
    const r = new Reader(bytes);
    readEntries(r, (field, wire) => {
      if (field === 1 && wire === 0) info.irVersion = r.varint();
      else if (field === 2 && wire === 2) info.producer = r.string();
      else if (field === 3 && wire === 2) info.producerVersion = r.string();
      else if (field === 7 && wire === 2) {
        hasGraph = true;
        return false;
      } else if (field === 8 && wire === 2) {
        const o = r.sub();
        const opset = { domain: '', version: 0 };
        readEntries(o, (f, w) => {
          if (f === 1 && w === 2) opset.domain = o.string();
          else if (f === 2 && w === 0) opset.version = o.varint();
          else return false;
          return true;
        });
        info.opsets.push(opset);
      } else if (field === 14 && wire === 2) {
        const e = r.sub();
        let k = '';
        let v = '';
        readEntries(e, (f, w) => {
          if (f === 1 && w === 2) k = e.string();
          else if (f === 2 && w === 2) v = e.string();
          else return false;
          return true;
        });
        info.metadata[k] = v;
      } else return false;
      return true;
    });
  } catch (error) {
    return { ok: false, error: `it is not valid protobuf (${(error as Error).message})` };
  }
  if (!hasGraph || info.irVersion === null) return { ok: false, error: 'it has no ONNX graph or IR version' };
  return { ok: true, info };
}

/** Feature names a converter stored for a single-tensor input: metadata `feature_names`, JSON or comma-separated. */
export function featureNamesFromMetadata(metadata: Record<string, string>): string[] | null {
  const raw = metadata.feature_names?.trim();
  if (!raw) return null;
  if (raw.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      if (Array.isArray(parsed) && parsed.every((x) => typeof x === 'string')) return parsed;
    } catch {
      // not JSON after all: fall through to the comma form
    }
  }
  return raw.split(',').map((s) => s.trim());
}
