/**
 * Spatial autocorrelation: global Moran's I (normality, randomisation and permutation inference) and
 * local Moran's I (LISA) with quadrants and conditional permutation p-values, matching spdep.
 *
 * @example
 * import { moranTest, localMoran } from "@jiju/domain/econometrics"
 * moranTest(x, w, { permutations: 999, seed: 1 }).pPermutation
 */

export * from "./localMoran.js"
export * from "./localMoranPermutations.js"
export * from "./moranTest.js"
