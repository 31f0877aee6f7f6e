/**
 * The project register the documents run zones by: projects entering a zone with their sub-area's admission rules,
 * status and file; weekly progress reports and the supervision view; the automatic findings (two-year review,
 * half-year starts, idle land and plants, contract intensity); the enterprise register of leading firms; the
 * indicators derived from projects; and the readers of project and report tables.
 *
 * @example
 * import { admissionCheck, southAreaExample } from "@jiju/domain/projects"
 * admissionCheck({ area: "south", type: "industrial", traits: ["high_tech"], fixedInvestment: 1000 }, southAreaExample).admitted // true
 */
export * from "./Admission.js"
export * from "./Dates.js"
export * from "./DerivedIndicators.js"
export * from "./Findings.js"
export * from "./Firm.js"
export * from "./Project.js"
export * from "./ProjectRecord.js"
export * from "./ProjectRuleSource.js"
export * from "./ProjectRules.js"
export * from "./ProjectStatus.js"
export * from "./ProjectTable.js"
export * from "./ReportTable.js"
export * from "./Supervision.js"
export * from "./TableCells.js"
export * from "./Week.js"
export * from "./WeeklyReport.js"
