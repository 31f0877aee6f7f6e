/**
 * Ordinary least squares with the statistics of R's summary.lm, and spatial diagnostics of its residuals
 * (spdep lm.morantest, lm.LMtests) with Anselin's model recommendation.
 *
 * @example
 * import { olsFormula, spatialDiagnostics } from "@jiju/domain/econometrics"
 * const { fit } = olsFormula(table, "CRIME ~ INC + HOVAL")
 * spatialDiagnostics(fit, w).recommendation.model // "lag"
 */

export * from "./diagnostics.js"
export * from "./ols.js"
export { subsetWeights, traceWtWplusWW } from "./sparse.js"
