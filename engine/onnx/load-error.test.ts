import { describe, expect, it } from 'vitest';
import { explainLoadError } from './load-error';
import type { OperatorUse } from './prepare-model';

const ops: OperatorUse[] = [{ domain: 'ai.onnx.ml', op: 'TreeEnsemble', opset: 5, node: 'forest' }];

describe('explainLoadError', () => {
  it('names an operator the runtime lacks, with its domain, opset and node', () => {
    expect(explainLoadError("Can't create a session. ERROR_CODE: 6, ERROR_MESSAGE: No Op registered for TreeEnsemble with domain_version of 5", ops, 'onnxruntime-web in this browser')).toBe(
      'The model uses the operator ai.onnx.ml.TreeEnsemble (opset 5, node forest), which onnxruntime-web in this browser does not implement.',
    );
    expect(explainLoadError("Could not find an implementation for Foo(3) node with name 'x'", ops, 'the server')).toBe('The model uses the operator Foo (opset 3), which the server does not implement.');
  });

  it('cuts the C++ location and signature off other messages', () => {
    const raw =
      "Can't create a session. ERROR_CODE: 1, ERROR_MESSAGE: /src/onnxruntime/core/graph/model_load_utils.h:56 void onnxruntime::model_load_utils::ValidateOpsetForDomain(const std::unordered_map<std::string, int> &, bool, int) ONNX Runtime only *guarantees* support for released opsets.";
    expect(explainLoadError(raw, ops, 'the server')).toBe('the server could not load the model: ONNX Runtime only *guarantees* support for released opsets.');
  });
});
