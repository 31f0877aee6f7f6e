/**
 * The store's repositories as effects on the current {@link Database} connection (the transaction's inside
 * `transaction`): what the application core's use cases call. Nothing here opens a connection of its own.
 */

import { runRepo } from "./assessments/runs.js"
import { schemeRepo } from "./assessments/schemes.js"
import { makeTokens } from "./auth/tokens.js"
import { makeUsers } from "./auth/users.js"
import { repository } from "./Database.js"
import { auditRepo } from "./repos/audit.js"
import { clusterRepo } from "./repos/clusters.js"
import { firmRepo } from "./repos/firms.js"
import { makeIdempotencyKeys } from "./repos/idempotencyKeys.js"
import { importRepo } from "./repos/imports.js"
import { indicatorRepo } from "./repos/indicators.js"
import { observationRepo } from "./repos/observations.js"
import { projectRepo } from "./repos/projects.js"
import { regionRepo } from "./repos/regions.js"
import { supervisionRepo } from "./repos/supervision.js"
import { weeklyReportRepo } from "./repos/weeklyReports.js"
import { zoneAreaRepo } from "./repos/zoneAreas.js"
import { zoneFactRepo } from "./repos/zoneFacts.js"

/** Regions of the GB/T 2260 hierarchy. */
export const Regions = repository(regionRepo)
/** The indicator catalogue. */
export const Indicators = repository(indicatorRepo)
/** The register of cluster zones. */
export const Clusters = repository(clusterRepo)
/** Indicator observations of zones and regions. */
export const Observations = repository(observationRepo)
/** The record of accepted import files. */
export const Imports = repository(importRepo)
/** The audit trail. */
export const Audit = repository(auditRepo)
/** Accounts, sign-ins with backoff, and sessions. */
export const Accounts = repository(makeUsers)
/** Idempotency keys of submissions and imports. */
export const IdempotencyKeys = repository(makeIdempotencyKeys)
/** Bearer tokens (stored as hashes). */
export const AccessTokens = repository(makeTokens)
/** Stored assessment runs and their per-zone rows. */
export const AssessmentRuns = repository(runRepo)
/** Assessment schemes stored from files. */
export const AssessmentSchemes = repository(schemeRepo)
/** Dated facts about zones, with proposals and decisions. */
export const ZoneFacts = repository(zoneFactRepo)
/** The commission's supervision decisions and their monthly reports. */
export const Supervision = repository(supervisionRepo)
/** Zones' sub-areas and their admission rules. */
export const ZoneAreas = repository(zoneAreaRepo)
/** The enterprise register (leading firms, 500强). */
export const Firms = repository(firmRepo)
/** Projects entering the zones. */
export const Projects = repository(projectRepo)
/** Weekly progress reports of projects. */
export const WeeklyReports = repository(weeklyReportRepo)
