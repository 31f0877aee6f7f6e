/**
 * Spatial autocorrelation: global Moran's I (normality, randomisation and permutation inference), local Moran's I
 * (LISA) with quadrants and conditional permutation p-values, Geary's C, local Getis–Ord G_i / G*_i hot spots, and
 * GeoDa's bivariate Moran's I (global and local), matching spdep.
 *
 * @example
 * import { moranTest, localMoran, gearyTest } from "@jiju/domain/econometrics"
 * moranTest(x, w, { permutations: 999, seed: 1 }).pPermutation
 */

export * from "./BivariateMoran.js"
export * from "./falseDiscovery.js"
export * from "./Geary.js"
export * from "./GetisOrd.js"
export * from "./localMoran.js"
export * from "./localMoranPermutations.js"
export * from "./moranTest.js"
