/**
 * Geographically weighted regression with GWmodel's definitions (gaussian and bisquare kernels, fixed and adaptive
 * bandwidths, σ², standard errors, AIC, AICc, tr S, local R²) and bandwidth selection by AICc or cross-validation.
 *
 * @example
 * import { gwr, selectBandwidth } from "@jiju/domain/econometrics"
 * const k = selectBandwidth(data, "bisquare", { adaptive: true, criterion: "aicc" }).bandwidth
 * gwr(data, "bisquare", { adaptive: true, value: k }).aicc
 */

export * from "./Gwr.js"
export * from "./GwrKernel.js"
export * from "./GwrSelect.js"
