import * as Data from "effect/Data"

/** A message in both product languages. */
export interface Bilingual {
  /** Simplified Chinese text (the default product language). */
  readonly zh: string
  /** English text. */
  readonly en: string
}

/** Where in an input a problem sits: row, column name, offending value, and the problem's own code. */
export interface InputLocation {
  /**
   * The row as the user sees it: in a file with a header the header is row 1 and the first data row is row 2
   * (as a spreadsheet numbers them); for arrays handed to the library, the 1-based position.
   */
  readonly row?: number
  /** Column name, or a dotted field path such as "dimensions.0.indicators.1.code". */
  readonly column?: string
  /** The offending value as read. */
  readonly value?: unknown
  /** This problem's stable code when it differs from the error's (e.g. "negative_value" in an "invalid_rows" error). */
  readonly code?: string
}

/**
 * One problem in one place, in the one shape every surface reports (HTTP problem details, `jiju --json` errors,
 * the web form): stable code, row (null when the input is not a table), column or field path (null when the
 * problem is the whole input), the offending value, and the reason in English and Chinese.
 */
export interface Issue {
  readonly code: string
  readonly row: number | null
  readonly column: string | null
  readonly value: unknown
  readonly en: string
  readonly zh: string
}

/**
 * Bad input: a file, a table, a formula or options that cannot be used as given. Thrown by decoders, readers and
 * model builders; catch it to show users `message` (English) or `zh` (Chinese) and, per problem, `issues`.
 * `code` is stable for scripts (e.g. "unknown_column", "not_numeric", "singular_design", "ids_mismatch").
 * @example
 * try { parseCsv(text) } catch (e) { if (e instanceof InputError) console.log(e.code, e.zh) }
 * new InputError({ code: "not_numeric", message: "x: not a number", zh: "x：不是数值" })._tag // "InputError"
 */
export class InputError extends Data.TaggedError("InputError")<{
  /** Stable machine-readable code, e.g. "unknown_column". */
  readonly code: string
  /** English message. */
  readonly message: string
  /** Chinese message. */
  readonly zh: string
  /** Every located problem, each with its own English and Chinese text. */
  readonly issues?: ReadonlyArray<InputLocation & Bilingual>
}> {}

/**
 * A computation that cannot proceed on valid input (no convergence, a singular matrix in a fit). Unlike
 * {@link InputError} it signals a numerical limit rather than a mistake in the data the user can fix by editing it.
 * @example
 * new ComputationError({ code: "no_convergence", message: "did not converge", zh: "未收敛" })._tag // "ComputationError"
 */
export class ComputationError extends Data.TaggedError("ComputationError")<{
  /** Stable machine-readable code, e.g. "no_convergence". */
  readonly code: string
  /** English message. */
  readonly message: string
  /** Chinese message. */
  readonly zh: string
}> {}

/**
 * Build an InputError from one located problem; the usual way to throw a single, precise input error.
 * @example
 * const e = inputError("not_numeric", "x: not a number", "x：不是数值", { row: 3, column: "x", value: "abc" })
 * e.issues?.[0]?.row // 3
 */
export const inputError = (code: string, en: string, zh: string, at: InputLocation = {}): InputError =>
  new InputError({ code, message: en, zh, issues: [{ ...at, en, zh }] })

/**
 * The problems of an InputError in the one {@link Issue} shape (an issue without its own code takes the error's);
 * an error without located problems gives one issue for the whole input.
 * @example issuesOf(inputError("not_numeric", "x: not a number", "x：不是数值", { row: 3, column: "x" }))[0].row // 3
 */
export const issuesOf = (e: InputError | ComputationError): ReadonlyArray<Issue> => {
  const located = "issues" in e ? (e.issues ?? []) : []
  if (located.length === 0) return [{ code: e.code, row: null, column: null, value: null, en: e.message, zh: e.zh }]
  return located.map((i) => ({ code: i.code ?? e.code, row: i.row ?? null, column: i.column ?? null, value: i.value ?? null, en: i.en, zh: i.zh }))
}
