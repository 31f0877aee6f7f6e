/**
 * Running an assessment (综合考核) for a period: the same computation for `jiju assess`, the API and the
 * dashboard — compared with the previous period's stored run of the same scheme version (else one computed from
 * the observations), optionally with rank stability — stored with its audit entry, or only previewed.
 */

import {
  type AssessedPeriod,
  type AssessmentPreviewDocument,
  type AssessmentReport,
  type AssessmentResult,
  assessmentReport,
  assessPeriod,
  type ReportRun,
} from "@jiju/domain/assessment"
import { type ClusterKind, periodsBack, previousPeriod } from "@jiju/domain/model"
import { AssessmentRuns, AssessmentSchemes, Audit, type StoredRun, schemeChecksum, transaction } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { type AssessmentSource, loadAssessmentData, storeSource } from "./AssessmentSource.js"
import { LatestRuns } from "./LatestRuns.js"
import { resolveScheme, type SchemeRef } from "./Schemes.js"

/** What to assess. */
export interface AssessRequest {
  /** The scheme: a built-in or stored id, or a definition read from a file. */
  readonly scheme: SchemeRef
  readonly period: string
  /** Where the data come from; default the store. */
  readonly source?: AssessmentSource | undefined
  /** Only zones of this kind (a partial ranking: shown, never stored over the full one). */
  readonly kind?: ClusterKind | undefined
  /** Rank stability over this many random weight draws around the scheme's weights. */
  readonly stability?: { readonly draws: number; readonly seed?: number | undefined } | undefined
  /** Store the run as published. */
  readonly publish?: boolean | undefined
}

/** An assessment made: its result and report, and the stored run (null when it was not stored). */
export interface Assessed {
  readonly run: StoredRun | null
  readonly result: AssessmentResult
  readonly report: AssessmentReport
  readonly assessed: AssessedPeriod
}

const compute = (req: AssessRequest) =>
  Effect.gen(function* () {
    const { scheme, from } = yield* resolveScheme(req.scheme)
    const checksum = schemeChecksum(scheme)
    const source = req.source ?? storeSource
    const data = yield* loadAssessmentData(source, periodsBack(req.period, 2))
    // A stored run is the comparison only for data from the store: a file's zones are not the register's.
    const storedPrevious = data.source === "store" ? yield* AssessmentRuns.latest(scheme.id, previousPeriod(req.period)) : undefined
    const assessed = yield* attempt(() => assessPeriod(scheme, data, req.period, { kind: req.kind, checksum, storedPrevious, stability: req.stability }))
    return { scheme, from, checksum, data, assessed }
  })

/**
 * Run an assessment (admins; the operator at the command line): compute it, and store it — in one transaction
 * with its audit entry, and with a scheme read from a file — when its data came from the store and it covers
 * every kind of zone. NotFound "unknown_scheme"; InputError "unknown_period" and the data files' errors.
 * @example const { run, report } = yield* assess(caller, { scheme: { id: "henan-2017" }, period: "2025" })
 */
export const assess = (caller: Caller, req: AssessRequest) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const { scheme, from, checksum, data, assessed } = yield* compute(req)
    let run: StoredRun | null = null
    if (data.source === "store" && req.kind === undefined) {
      const actor = auditName(who)
      run = yield* transaction(
        Effect.gen(function* () {
          if (from === "file") yield* AssessmentSchemes.save(scheme, actor)
          const saved = yield* AssessmentRuns.save({
            result: assessed.result,
            published: req.publish === true,
            createdBy: actor,
            schemeChecksum: checksum,
            stability: assessed.stability,
            provenance: { previousSource: assessed.previousSource, source: data.source, demo: data.hasDemo, schemeFrom: from },
          })
          yield* Audit.record({
            actor,
            entity: "assessment",
            entityId: saved.id,
            action: "run",
            before: null,
            after: { scheme: saved.scheme, period: saved.period, published: saved.published },
          })
          return saved
        }),
      )
      yield* (yield* LatestRuns).forget(scheme.id, req.period)
    }
    const reportRun: ReportRun | null = run ? { id: run.id, published: run.published, createdAt: run.createdAt } : null
    const report = assessmentReport({ scheme, schemeFrom: from, checksum, ...assessed, source: data.source, demo: data.hasDemo, run: reportRun })
    return { run, result: assessed.result, report, assessed } satisfies Assessed
  })

/**
 * Preview an assessment (admins and viewers): the same computation as a run, on the current data, not stored —
 * what a front end shows for a period that has no run yet, instead of computing it itself.
 * @example const { result, report } = yield* previewAssessment(caller, { scheme: { id: "henan-2017" }, period: "2025", kind: "industrial" })
 */
export const previewAssessment = (caller: Caller, req: Omit<AssessRequest, "publish">) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const { scheme, from, checksum, data, assessed } = yield* compute(req)
    const report = assessmentReport({ scheme, schemeFrom: from, checksum, ...assessed, source: data.source, demo: data.hasDemo, run: null })
    return { result: assessed.result, report } satisfies AssessmentPreviewDocument
  })
