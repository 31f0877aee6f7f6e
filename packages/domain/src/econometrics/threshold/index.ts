/**
 * Hansen's (1999) fixed-effects panel threshold regression: one to three thresholds, trimming, the SSR grid search,
 * refinement, likelihood-ratio confidence intervals and bootstrap p-values.
 *
 * @example
 * import { panelThreshold } from "@jiju/domain/econometrics"
 * panelThreshold(panel, { thresholds: 2, bootstrap: 300, seed: 1 }).thresholds[0].estimate
 */

export * from "./PanelThreshold.js"
export * from "./ThresholdSearch.js"
