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
import { importRepo } from "./repos/imports.js"
import { indicatorRepo } from "./repos/indicators.js"
import { observationRepo } from "./repos/observations.js"
import { regionRepo } from "./repos/regions.js"

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
/** Accounts, sign-ins with lock-out, and sessions. */
export const Accounts = repository(makeUsers)
/** Bearer tokens (stored as hashes). */
export const AccessTokens = repository(makeTokens)
/** Stored assessment runs and their per-zone rows. */
export const AssessmentRuns = repository(runRepo)
/** Assessment schemes stored from files. */
export const AssessmentSchemes = repository(schemeRepo)
