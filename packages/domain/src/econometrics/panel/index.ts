/**
 * Panel data: index units and periods, the within transformation (individual, time, two-way; alternating
 * projections for unbalanced two-way panels) and fixed-effects regression matching plm's "within" model.
 *
 * @example
 * import { panelFixedEffects } from "@jiju/domain/econometrics"
 * const { fit } = panelFixedEffects(table, "inv ~ value + capital", "firm", "year", "twoways")
 * fit.coefficients[0].clusterSe
 */

export * from "./fixedEffects.js"
export * from "./PanelIndex.js"
export * from "./randomEffects.js"
export * from "./within.js"
