import type { Matrix } from "../linalg/Matrix.js"
import type { QR } from "../linalg/qr.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import { type LogDetChoice, type LogDeterminant, logDeterminant } from "./LogDeterminant.js"
import type { StackedData, VarianceChoice } from "./stacked.js"
import { validateRegression } from "./validate.js"

/** Inputs of a cross-section spatial regression; rows of y and X follow the order of weights.ids. */
export interface SpatialRegressionInput {
  readonly y: ArrayLike<number>
  /** Model matrix n×k (include the intercept column, named "(Intercept)", when wanted). */
  readonly X: Matrix
  readonly names: ReadonlyArray<string>
  readonly weights: SpatialWeights
  /** Log-determinant method: "auto" (eigen for n ≤ 500 or asymmetric W, else sparse), "eigen" or "sparse". */
  readonly method?: LogDetChoice
  /** A log-determinant built earlier for the same weights (e.g. to fit lag and error once each). */
  readonly logDet?: LogDeterminant
  /** Search interval for ρ/λ; defaults as spatialreg (eigen: 1/range(eigenvalues); sparse: [−1, 0.999]). */
  readonly interval?: readonly [number, number]
  /** Standard errors: "auto" (information matrix for n ≤ 1,500, observed Hessian above), or force one. */
  readonly variance?: VarianceChoice
  /** The QR decomposition of this X formed earlier (an OLS fit's `qr`), so that it is not formed again. */
  readonly qr?: QR
}

/** Validate a cross-section input and build its stacked data (T = 1). @internal */
export const prepareRegression = (input: SpatialRegressionInput): StackedData => {
  const n = input.weights.ids.length
  const qr = validateRegression(input.y, input.X, input.names, input.weights, n, input.qr)
  const logDet = input.logDet ?? logDeterminant(input.weights, input.method ?? "auto")
  const y = Float64Array.from(input.y)
  return {
    y,
    wy: spatialLag(input.weights, y),
    X: input.X,
    qr,
    names: input.names,
    weights: input.weights,
    logDet,
    interval: input.interval ?? logDet.interval,
    periods: 1,
    variance: input.variance ?? "auto",
  }
}
