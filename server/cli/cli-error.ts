/** A command-line failure with its exit code: 1 rejected or failed, 2 invalid input or bad usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
