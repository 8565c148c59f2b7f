// Why onnxruntime would not load a model, in words: an operator it lacks is named with its domain,
// opset and node, and the C++ source location and signature runtimes prefix their messages with
// are cut off. `runtime` names who failed ("onnxruntime-web in this browser", "the server's onnxruntime").
import type { OperatorUse } from './prepare-model';

const MISSING_OP = [/No Op registered for (\S+) with domain_version of (\d+)/, /Could not find an implementation for (\S+)\((\d+)\) node/];
const CPP_PREFIX = /^[^\n]*?\S+\.(?:h|cc|cpp):\d+ [^\n]*?\)\s+(?=[A-Z])/;

export function explainLoadError(message: string, operators: readonly OperatorUse[], runtime: string): string {
  for (const pattern of MISSING_OP) {
    const match = pattern.exec(message);
    if (!match) continue;
    const use = operators.find((o) => o.op === match[1]);
    const where = use ? `${use.domain}.${use.op} (opset ${match[2]}${use.node ? `, node ${use.node}` : ''})` : `${match[1]} (opset ${match[2]})`;
    return `The model uses the operator ${where}, which ${runtime} does not implement.`;
  }
  const text = message.replace(/^Can't create a session\. ERROR_CODE: \d+, ERROR_MESSAGE: /, '').replace(CPP_PREFIX, '').trim();
  return `${runtime} could not load the model: ${text}`;
}
