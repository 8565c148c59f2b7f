// An ONNX graph as plain data while it is built: nodes, constants, inputs and outputs, with fresh
// names that never collide with an input's (inputs are raw column names, which can be anything).
// Encoding it to bytes is onnx-encode.ts's job, through the onnx-proto library.

export type OnnxElem = 'float' | 'double' | 'int64' | 'string' | 'bool';

export type OnnxConstant =
  | { type: 'float' | 'double' | 'int64'; dims: number[]; values: ArrayLike<number> }
  | { type: 'string'; dims: number[]; values: readonly string[] };

export type OnnxAttribute =
  | { int: number }
  | { float: number }
  | { ints: readonly number[] }
  | { strings: readonly string[] }
  /** An element type, written as its TensorProto.DataType number (Cast's `to`). */
  | { elemType: OnnxElem };

export interface OnnxNode {
  op: string;
  domain: '' | 'ai.onnx.ml';
  inputs: string[];
  outputs: string[];
  attributes: Record<string, OnnxAttribute>;
}

export interface OnnxValue {
  name: string;
  type: OnnxElem;
  /** A number is a fixed size, a string a named dynamic dimension. */
  shape: (number | string)[];
  doc: string;
}

/** Opset versions the exported graphs are written against (ONNX 1.12 / IR 8, which onnxruntime reads). */
export const ONNX_OPSET = 17;
export const ONNX_ML_OPSET = 3;
export const ONNX_IR_VERSION = 8;

export class OnnxGraph {
  readonly nodes: OnnxNode[] = [];
  readonly constants: (OnnxConstant & { name: string })[] = [];
  readonly inputs: OnnxValue[] = [];
  readonly outputs: OnnxValue[] = [];
  private readonly used = new Set<string>();
  private counter = 0;

  /** Declares a graph input under exactly `name`; two inputs with one name is a bug upstream. */
  input(name: string, type: OnnxElem, shape: (number | string)[], doc: string): string {
    if (this.used.has(name)) throw new Error(`ONNX graph: the name "${name}" is used twice`);
    this.used.add(name);
    this.inputs.push({ name, type, shape, doc });
    return name;
  }

  /** Marks an existing value as a graph output under its own name. */
  output(name: string, type: OnnxElem, shape: (number | string)[], doc: string): void {
    this.outputs.push({ name, type, shape, doc });
  }

  /** A name no input or earlier value has. */
  fresh(prefix: string): string {
    let name: string;
    do name = `${prefix}_${this.counter++}`;
    while (this.used.has(name));
    this.used.add(name);
    return name;
  }

  /** Claims `name` for a value (an output's public name); fails when an input already has it. */
  claim(name: string): string {
    if (this.used.has(name)) throw new Error(`ONNX graph: the name "${name}" is used twice`);
    this.used.add(name);
    return name;
  }

  constant(prefix: string, constant: OnnxConstant): string {
    const count = constant.dims.reduce((a, b) => a * b, 1);
    if (count !== constant.values.length) {
      throw new Error(`ONNX constant ${prefix}: dims [${constant.dims}] need ${count} values, got ${constant.values.length}`);
    }
    const name = this.fresh(prefix);
    this.constants.push({ ...constant, name });
    return name;
  }

  /** Adds one node and returns its (first) output's name; `into` names that output instead of a fresh one. */
  op(
    op: string,
    inputs: string[],
    attributes: Record<string, OnnxAttribute> = {},
    options: { domain?: OnnxNode['domain']; into?: string } = {},
  ): string {
    const output = options.into ?? this.fresh(op.toLowerCase());
    this.nodes.push({ op, domain: options.domain ?? '', inputs, outputs: [output], attributes });
    return output;
  }

  scalar(type: 'double' | 'float' | 'int64', value: number): string {
    return this.constant(`${type}_scalar`, { type, dims: [], values: [value] });
  }
}
