/**
 * Markov chains of regional classes: quantile classes, the classic transition matrix, Rey's spatial Markov
 * matrices conditioned on the neighbours' lag class, steady states and first mean passage times (as PySAL giddy).
 *
 * @example
 * import { classicMarkov } from "@jiju/domain/econometrics"
 * classicMarkov({ ids, periods, values }, 4).chain.steadyState
 */

export * from "./MarkovChain.js"
export * from "./QuantileClasses.js"
export * from "./SpatialMarkov.js"
