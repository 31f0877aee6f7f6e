/**
 * Spatial econometrics by maximum likelihood: spatial lag (SAR), spatial error (SEM), spatial Durbin (SDM,
 * SDEM), SAC and, by least squares, SLX models for cross sections; fixed-effects spatial lag, error and Durbin
 * panels with Elhorst's conventions and their LM diagnostics; exact impacts and information-matrix traces at
 * any n (selected inversion of the sparse Cholesky factor), the log-determinant log|I − ρW| from dense
 * eigenvalues or a sparse factorisation.
 *
 * @example
 * import { fitSpatialLag } from "@jiju/domain/econometrics"
 * const fit = fitSpatialLag({ y, X, names, weights })
 * fit.rho, fit.coefficients, fit.impacts
 */

export { brentMaximize } from "./brent.js"
export { type DurbinDesign, durbinDesign } from "./durbin.js"
export {
  type ImpactTerm,
  impactStandardErrors,
  impactsFromTraces,
  lagImpacts,
  type SimulatedImpacts,
  simulateImpacts,
} from "./impacts.js"
export {
  EIGEN_MAX_N,
  eigenLogDeterminant,
  type LogDetChoice,
  type LogDeterminant,
  type LogDetMethod,
  logDeterminant,
  sparseLogDeterminant,
} from "./LogDeterminant.js"
export * from "./panelDiagnostics.js"
export {
  type DurbinInput,
  type DurbinReductions,
  durbinReductions,
  fitSlx,
  fitSpatialDurbin,
  fitSpatialDurbinError,
  type Reduction,
  type SlxFit,
} from "./SpatialDurbin.js"
export { fitSpatialError } from "./SpatialError.js"
export * from "./SpatialFit.js"
export { fitSpatialLag } from "./SpatialLag.js"
export * from "./SpatialPanel.js"
export type { SpatialRegressionInput } from "./SpatialRegression.js"
export { fitSpatialSac } from "./SpatialSac.js"
export { ANALYTIC_MAX_N, type VarianceChoice, type VarianceMethod } from "./stacked.js"
