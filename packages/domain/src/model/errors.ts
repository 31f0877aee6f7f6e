import { Data } from "effect"

/** A message in both product languages. */
export interface Bilingual {
  readonly zh: string
  readonly en: string
}

/** Where in an input a problem sits: 1-based data row, column name, offending value. */
export interface InputLocation {
  readonly row?: number
  readonly column?: string
  readonly value?: unknown
}

/**
 * Bad input: a file, a table, a formula or options that cannot be used as given.
 * `code` is stable for scripts (e.g. "unknown_column", "not_numeric", "singular_design", "ids_mismatch").
 * `message` is English, `zh` the Chinese text; `issues` lists every problem found when there are several.
 */
export class InputError extends Data.TaggedError("InputError")<{
  readonly code: string
  readonly message: string
  readonly zh: string
  readonly issues?: ReadonlyArray<InputLocation & Bilingual>
}> {}

/** A computation that cannot proceed on valid input (no convergence, a singular matrix in a fit). */
export class ComputationError extends Data.TaggedError("ComputationError")<{
  readonly code: string
  readonly message: string
  readonly zh: string
}> {}

/** Build an InputError from one located problem. */
export const inputError = (code: string, en: string, zh: string, at: InputLocation = {}): InputError =>
  new InputError({ code, message: en, zh, issues: [{ ...at, en, zh }] })
