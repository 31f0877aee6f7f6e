/**
 * R-style formulas: parse `log(y) ~ a + log(b) + I(c^2) + d:e + a*b - 1`, evaluate expressions on a DataTable,
 * and build model frames (y, X, coefficient names, kept rows).
 *
 * @example
 * import { modelFrame } from "@jiju/domain/econometrics"
 * const mf = modelFrame(table, "CRIME ~ INC + HOVAL")
 * mf.names // ["(Intercept)", "INC", "HOVAL"]
 */

export * from "./evaluate.js"
export * from "./Formula.js"
export * from "./ModelFrame.js"
