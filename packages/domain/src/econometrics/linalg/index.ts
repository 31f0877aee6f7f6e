/**
 * Dense linear algebra on the row-major Matrix: Householder QR with R's rank detection, triangular solves,
 * Cholesky, LU solve/inverse, matrix–vector helpers, and distribution functions for test statistics.
 * Sparse and eigen solvers for spatial models: CSR matrices, minimum-degree ordering, sparse Cholesky and LU
 * refactorised at each ρ, dense eigenvalues (symmetric QL, general Hessenberg QR), and the dense inverse summaries.
 *
 * @example
 * import { fromRows, qrDecompose, qrCoefficients } from "@jiju/domain/econometrics"
 * const f = qrDecompose(fromRows([[1, 1], [1, 2], [1, 3]]))
 * qrCoefficients(f, [2, 3, 4]) // Float64Array [1, 1]
 */

export { approximateMinimumDegree } from "./approximateMinimumDegree.js"
export type { Csr, CsrLike } from "./Csr.js"
export * from "./cholesky.js"
export { inverseSummaries } from "./denseInverse.js"
export * from "./distributions.js"
export { generalEigenvalues, symmetricEigenvalues } from "./eigenvalues.js"
export * from "./lu.js"
export * from "./Matrix.js"
export { minimumDegreeOrder } from "./minimumDegree.js"
export * from "./ops.js"
export * from "./qr.js"
export { type SparseCholesky, sparseCholesky } from "./SparseCholesky.js"
export { type SparseLU, sparseLU } from "./SparseLU.js"
export { symmetricSimilar } from "./symmetricSimilar.js"
export * from "./triangular.js"
