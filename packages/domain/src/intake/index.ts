/**
 * What comes in from files before it is stored: an observation table checked row by row against the register and
 * the value rule (model/ValueRule.ts). Kept apart from `model` (which the readers in `io` build on) so that
 * neither imports the other in a loop.
 *
 * @example
 * import { validateObservationTable } from "@jiju/domain/intake"
 */
export * from "./ObservationTable.js"
