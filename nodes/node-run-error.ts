// NodeRunError needs a node id, but NodeRunContext does not carry one yet; the executor knows the
// step it ran and is expected to attach it. Kept in one place so it is a one-line change later.
import { NodeRunError, type ErrorCode } from '../engine/errors';

export function nodeRunError(code: ErrorCode, message: string): NodeRunError {
  return new NodeRunError('', code, message);
}
