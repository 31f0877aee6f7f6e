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

/** The fields of a domain error (InputError, ComputationError) the CLI shows. */
interface DomainError {
  readonly _tag: "InputError" | "ComputationError"
  readonly code: string
  readonly message: string
  readonly issues?: ReadonlyArray<{ readonly column?: string }>
}

/**
 * Whether `e` is the domain's InputError (or, with `tag`, its ComputationError). Recognised by the tag, so that this
 * module loads no domain code: a one-off analysis command starts faster.
 */
export const isDomainError = (e: unknown, tag: DomainError["_tag"] = "InputError"): e is DomainError =>
  e instanceof Error && (e as { _tag?: unknown })._tag === tag

// Domain errors that are mistakes in the flags (exit 2), not in the data (exit 1).
const USAGE_CODES = new Set(["missing_coords", "bad_coords", "bad_plant_h", "missing_weights", "conflicting_weights"])

/**
 * Any failure as the CLI's one-line error with the same code: a domain input or computation error, or a use case's
 * failure (exit 1; exit 2 for the few domain codes that name a flag mistake); anything else unchanged.
 * @example try { … } catch (e) { throw cliError(e) }
 */
export const cliError = (e: unknown): unknown => {
  if (e instanceof CliError) return e
  if (isDomainError(e, "InputError")) return new CliError(e.code, e.message.replace(/\s*\n\s*/g, "; "), USAGE_CODES.has(e.code) ? 2 : 1)
  if (isDomainError(e, "ComputationError")) return new CliError(e.code, e.message, 1)
  const t = e as { _tag?: unknown; code?: unknown; en?: unknown }
  if (typeof t?._tag === "string" && typeof t.code === "string" && typeof t.en === "string") return new CliError(t.code, t.en, 1)
  return e
}

/**
 * Run domain code, turning its errors into the CLI's one-line errors.
 * @example const doc = domainCall(() => moranReport(table, options))
 */
export const domainCall = <T>(f: () => T): T => {
  try {
    return f()
  } catch (e) {
    throw cliError(e)
  }
}
