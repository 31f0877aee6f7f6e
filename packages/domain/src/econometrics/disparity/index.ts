/**
 * Regional disparity: Dagum's (1997) Gini decomposition (within, net between, transvariation) and Theil's T with
 * its within/between decomposition, over groups such as east, central and west.
 *
 * @example
 * import { dagumGini, theilIndex } from "@jiju/domain/econometrics"
 * dagumGini(gdp, region).between
 */

export * from "./DagumGini.js"
export * from "./Theil.js"
