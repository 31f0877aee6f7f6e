/**
 * Domain errors as the CLI's one-line errors. The domain's InputError and ComputationError are recognised by their
 * `_tag`, so that this module (and the flag parsing and weights helpers built on it) loads no domain or store
 * code: a one-off analysis command starts faster.
 */
import { CliError } from "./CliError.js"

/** The fields of a domain InputError / ComputationError the CLI shows. */
interface DomainError {
  readonly _tag: "InputError" | "ComputationError"
  readonly code: string
  readonly message: string
  readonly issues?: ReadonlyArray<{ readonly column?: string }>
}

/** Whether `e` is the domain's InputError (or, with `tag`, another tagged domain error). */
export const isDomainError = (e: unknown, tag: DomainError["_tag"] = "InputError"): e is DomainError =>
  e instanceof Error && (e as { _tag?: unknown })._tag === tag

// Domain errors that are usage errors of the flags (exit 2), not bad input data (exit 1).
const USAGE_CODES = new Set(["missing_coords", "bad_coords", "bad_plant_h", "missing_weights", "conflicting_weights"])

/** Turn domain input and computation errors into the CLI's one-line error, keeping the code (exit 1: bad input). */
export const cliInputError = (e: unknown): unknown =>
  isDomainError(e, "InputError")
    ? new CliError(e.code, e.message.replace(/\s*\n\s*/g, "; "), USAGE_CODES.has(e.code) ? 2 : 1)
    : isDomainError(e, "ComputationError")
      ? new CliError(e.code, e.message, 1)
      : e

/** Run domain code, turning its input and computation errors into the CLI's one-line errors. */
export const domainCall = <T>(f: () => T): T => {
  try {
    return f()
  } catch (e) {
    throw cliInputError(e)
  }
}
