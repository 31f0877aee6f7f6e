/**
 * The application core of Jiju: one function per use case (submit observations, archive a region, run an
 * assessment …), each owning its validation, its transaction and its audit entry. The HTTP API, the command line
 * and the dashboard call these and nothing else.
 */
export * from "./Actor.js"
export * from "./AppConfig.js"
export * from "./AppRuntime.js"
export * from "./Attempt.js"
export * from "./accounts/Credentials.js"
export * from "./assessments/Assess.js"
export * from "./assessments/AssessmentSource.js"
export * from "./assessments/FilesOnly.js"
export * from "./assessments/LatestRuns.js"
export * from "./assessments/Publish.js"
export * from "./assessments/Results.js"
export * from "./assessments/Schemes.js"
export * from "./dashboard/DashboardReads.js"
export * from "./Failure.js"
export * from "./judgements/Certification.js"
export * from "./judgements/Diagnosis.js"
export * from "./judgements/Incentive.js"
export * from "./judgements/Stage.js"
export * from "./judgements/Targets.js"
export * from "./Paging.js"
export * from "./register/Regions.js"
export * from "./register/Versioned.js"
export * from "./service/Readiness.js"
