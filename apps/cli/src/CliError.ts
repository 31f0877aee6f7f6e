/**
 * An error meant for the person at the terminal: one line, a stable code for scripts.
 * Exit code 2 for usage mistakes (bad flags), 1 for bad input data or failed work.
 */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message)
    this.name = "CliError"
  }
}
