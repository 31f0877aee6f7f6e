/**
 * Distributions: Gaussian kernel density as R's density() defaults (bw.nrd0, 512 points, cut 3) and type-7
 * sample quantiles.
 *
 * @example
 * import { kernelDensity } from "@jiju/domain/econometrics"
 * kernelDensity([1, 2, 3, 4, 10]).bandwidth // as density(c(1, 2, 3, 4, 10))$bw
 */

export * from "./KernelDensity.js"
export * from "./quantile.js"
