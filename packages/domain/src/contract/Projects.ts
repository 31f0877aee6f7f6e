/** The documents of the project register's operations that are not a domain type of their own. */
import * as Schema from "effect/Schema"
import { StoredZoneArea } from "../projects/Admission.js"
import { DerivedComparison } from "../projects/DerivedIndicators.js"
import { StoredFirm } from "../projects/Firm.js"
import { ScheduledReport, StoredWeeklyReport } from "../projects/WeeklyReport.js"

/** A project's weekly reports, newest first, and its reporting calendar up to this week. */
export const ProjectReports = Schema.Struct({
  project: Schema.String,
  items: Schema.Array(StoredWeeklyReport),
  schedule: Schema.Array(ScheduledReport),
})
export type ProjectReports = typeof ProjectReports.Type

/** The indicators derived from projects for a period, each beside the submitted value. */
export const DerivedIndicatorsDocument = Schema.Struct({ period: Schema.String, items: Schema.Array(DerivedComparison) })
export type DerivedIndicatorsDocument = typeof DerivedIndicatorsDocument.Type

/** What an import of projects or weekly reports wrote. */
export const RegisterImportReceipt = Schema.Struct({ imported: Schema.Int, file: Schema.String, importId: Schema.Int })
export type RegisterImportReceipt = typeof RegisterImportReceipt.Type

/** A zone's sub-areas with their admission rules. */
export const ZoneAreaList = Schema.Struct({ items: Schema.Array(StoredZoneArea) })
export type ZoneAreaList = typeof ZoneAreaList.Type

/** The enterprise register, or one zone's part of it. */
export const FirmList = Schema.Struct({ items: Schema.Array(StoredFirm) })
export type FirmList = typeof FirmList.Type
