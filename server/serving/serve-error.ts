// The one error the serving routes throw for a request they refuse. Each protocol words it in its
// own shape (V2: {"error"}, MLflow: {"error_code", "message"}); anything else thrown is internal.

/** MLflow's error codes (databricks_pb2.ErrorCode) for each status the serving process answers. */
const MLFLOW_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'RESOURCE_DOES_NOT_EXIST',
  405: 'BAD_REQUEST',
  413: 'BAD_REQUEST',
  415: 'BAD_REQUEST',
  429: 'REQUEST_LIMIT_EXCEEDED',
  501: 'NOT_IMPLEMENTED',
  503: 'TEMPORARILY_UNAVAILABLE',
};

export class ServeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ServeError';
  }

  get mlflowCode(): string {
    return MLFLOW_CODES[this.status] ?? 'INTERNAL_ERROR';
  }
}

export type Protocol = 'v2' | 'mlflow';

/** The body a protocol's clients expect for an error. */
export function errorBody(protocol: Protocol, error: ServeError): Record<string, string> {
  return protocol === 'v2' ? { error: error.message } : { error_code: error.mlflowCode, message: error.message };
}

export const badRequest = (message: string) => new ServeError(400, message);
