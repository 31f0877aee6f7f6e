import * as Data from "effect/Data"

/** A message in both product languages. */
export interface Bilingual {
  /** Simplified Chinese text (the default product language). */
  readonly zh: string
  /** English text. */
  readonly en: string
}

/** Where in an input a problem sits: 1-based data row, column name, offending value. */
export interface InputLocation {
  /** 1-based data row (the header is not counted), as a spreadsheet user would count rows below the header. */
  readonly row?: number
  /** Column name, or a dotted field path such as "dimensions.0.indicators.1.code". */
  readonly column?: string
  /** The offending value as read. */
  readonly value?: unknown
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
