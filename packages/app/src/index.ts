/**
 * The application core of Jiju: one function per use case (submit observations, archive a region, run an
 * assessment …), each owning its validation, its transaction and its audit entry. The HTTP API, the command line
 * and the dashboard call these and nothing else.
 */
export * from "./Actor.js"
export * from "./AppConfig.js"
export * from "./AppRuntime.js"
export * from "./Attempt.js"
export * from "./accounts/Accounts.js"
export * from "./accounts/Credentials.js"
export * from "./accounts/Sessions.js"
export * from "./audit/AuditTrail.js"
export * from "./backup/Backup.js"
export * from "./demo/Demo.js"
export * from "./Failure.js"
export * from "./observations/ImportObservations.js"
export * from "./observations/Queries.js"
export * from "./observations/SubmissionQueue.js"
export * from "./observations/Submissions.js"
export * from "./Paging.js"
export * from "./register/Clusters.js"
export * from "./register/IndicatorCatalogue.js"
export * from "./register/Indicators.js"
export * from "./register/Regions.js"
export * from "./register/Versioned.js"
export * from "./service/Readiness.js"
export * from "./service/StoreInfo.js"
