/**
 * Analyses: the JSON documents of the public `jiju … --json` contracts, built from a DataTable and plain
 * options, so the CLI, the API and any other front end print the same numbers.
 *
 * @example
 * import { moranReport } from "@jiju/domain/analyses"
 * moranReport(table, { id: "POLYID", var: "CRIME", weights: { kind: "contiguity", rule: "queen" } }).I
 */

export * from "./AnalysisRequest.js"
export * from "./BivariateMoranReport.js"
export * from "./ConcentrationReport.js"
export * from "./CouplingReport.js"
export * from "./DensityReport.js"
export * from "./DisparityReport.js"
export * from "./GearyReport.js"
export * from "./GwrReport.js"
export * from "./HotspotsReport.js"
export * from "./LisaReport.js"
export * from "./MarkovReport.js"
export * from "./MoranReport.js"
export * from "./PanelReport.js"
export * from "./periods.js"
export * from "./RegressReport.js"
export * from "./ThresholdReport.js"
export * from "./variable.js"
export * from "./WeightsReport.js"
export * from "./WeightsSpec.js"
