import { ComputationError, InputError } from "@jiju/domain/model"

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

// The exit code of a use case's failure: 1 (bad input, a refused change, a missing entry), as for any failed work.
const failureMessage = (e: unknown): CliError | undefined => {
  if (e instanceof InputError) return new CliError(e.code, e.message.replace(/\s*\n\s*/g, "; "), 1)
  if (e instanceof ComputationError) return new CliError(e.code, e.message, 1)
  const t = e as { _tag?: unknown; code?: unknown; en?: unknown }
  if (typeof t?._tag === "string" && typeof t.code === "string" && typeof t.en === "string") return new CliError(t.code, t.en, 1)
  return undefined
}

/**
 * A domain input error or a use case's failure (or a store error) as the CLI's one-line error with the same code;
 * anything else unchanged.
 */
export const cliError = (e: unknown): unknown => failureMessage(e) ?? e
