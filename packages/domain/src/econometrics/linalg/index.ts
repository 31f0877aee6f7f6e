/**
 * Dense linear algebra on the row-major Matrix: Householder QR with R's rank detection, triangular solves,
 * Cholesky, LU solve/inverse, matrix–vector helpers, and distribution functions for test statistics.
 *
 * @example
 * import { fromRows, qrDecompose, qrCoefficients } from "@jiju/domain/econometrics"
 * const f = qrDecompose(fromRows([[1, 1], [1, 2], [1, 3]]))
 * qrCoefficients(f, [2, 3, 4]) // Float64Array [1, 1]
 */

export * from "./cholesky.js"
export * from "./distributions.js"
export * from "./lu.js"
export * from "./Matrix.js"
export * from "./ops.js"
export * from "./qr.js"
export * from "./triangular.js"
