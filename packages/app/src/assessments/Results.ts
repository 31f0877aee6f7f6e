/**
 * Reading stored assessment results: the latest run of a scheme and period as a result, a report, rankings or one
 * zone's outcome, and a zone's history. Published results are readable by signed-in callers (and by anyone when
 * the deployment publishes results); drafts by admins and viewers, and by a submitter for its own zone.
 */

import {
  assessmentReport,
  builtInSchemes,
  type ClusterAssessment,
  type RankingsDocument,
  rankingsDocument,
  type StoredResultDocument,
  unconfirmedDefaults,
  type ZoneHistoryDocument,
} from "@jiju/domain/assessment"
import type { ClusterKind, RankingGroup } from "@jiju/domain/model"
import { AssessmentRuns, AssessmentSchemes, type StoredRun } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, mayReadDrafts, requireResultsReader } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { notFound } from "../Failure.js"
import { LatestRuns } from "./LatestRuns.js"

/** Which stored result to read: the latest run of a scheme and period (of one kind's runs, with `kind`). */
export interface ResultRequest {
  readonly scheme: string
  readonly period: string
  readonly kind?: ClusterKind | undefined
}

/**
 * The latest run of a scheme and period as this caller may read it; NotFound when there is none, or when it is
 * a draft the caller may not see (about `clusterId`, when one zone is asked for).
 */
const readableRun = (caller: Caller, q: ResultRequest, clusterId?: string) =>
  Effect.gen(function* () {
    yield* requireResultsReader(caller, (yield* AppConfig).publicResults)
    const run = yield* (yield* LatestRuns).get(q.scheme, q.period, q.kind)
    if (!run || (!run.published && !mayReadDrafts(caller, clusterId))) return yield* Effect.fail(notFound("assessment", `${q.scheme} ${q.period}`))
    return run
  })

/**
 * The latest stored result of a scheme and period, with its run id and state.
 * @example const { id, published, result } = yield* storedResult(caller, { scheme: "henan-2017", period: "2025" })
 */
export const storedResult = (caller: Caller, q: ResultRequest) =>
  Effect.map(readableRun(caller, q), (run): StoredResultDocument => ({ id: run.id, published: run.published, createdAt: run.createdAt, result: run.result }))

const reportOf = (run: StoredRun) =>
  Effect.gen(function* () {
    const builtIn = builtInSchemes[run.scheme]
    const stored = builtIn ? undefined : yield* AssessmentSchemes.get(run.scheme)
    const definition = builtIn ?? stored?.definition
    const scheme = definition ?? { id: run.scheme, name: run.result.schemeName }
    const kind = run.provenance?.kind ?? undefined
    return assessmentReport({
      scheme,
      schemeFrom: run.provenance?.schemeFrom ?? (builtIn ? "built_in" : "stored"),
      checksum: run.schemeChecksum,
      result: run.result,
      previousSource: run.provenance?.previousSource ?? (run.result.previousPeriod === null ? null : "stored"),
      source: run.provenance?.source ?? "store",
      demo: run.provenance?.demo ?? false,
      stability: run.stability,
      run: { id: run.id, published: run.published, createdAt: run.createdAt },
      kind: kind ?? undefined,
      unconfirmed: definition ? unconfirmedDefaults(definition) : undefined,
      confirmation: run.provenance?.confirmation ?? null,
    })
  })

/**
 * The report of the latest stored run: the document `jiju assess --json` printed when it made the run.
 * @example const report = yield* storedReport(caller, { scheme: "henan-2017", period: "2025" })
 */
export const storedReport = (caller: Caller, q: ResultRequest) => Effect.flatMap(readableRun(caller, q), reportOf)

/**
 * The rankings of the latest stored run, for one ranking group or both.
 * @example const doc = yield* rankingsOf(caller, { scheme: "henan-2017", period: "2025", group: "county" })
 */
export const rankingsOf = (caller: Caller, q: ResultRequest & { readonly group?: RankingGroup | undefined }) =>
  Effect.map(readableRun(caller, q), (run): RankingsDocument => rankingsDocument(run, q.group))

/**
 * One zone's outcome in the latest stored run, with its explanation. NotFound for a zone the run lacks.
 * @example const zone = yield* zoneResult(caller, "hb-qibin", { scheme: "henan-2017", period: "2025" })
 */
export const zoneResult = (caller: Caller, clusterId: string, q: ResultRequest) =>
  Effect.gen(function* () {
    const run = yield* readableRun(caller, q, clusterId)
    const zone: ClusterAssessment | undefined = run.result.clusters.find((c) => c.clusterId === clusterId)
    return zone ?? (yield* Effect.fail(notFound("cluster", clusterId)))
  })

/**
 * A zone's results over the periods under a scheme (the latest run of each period), oldest first: published runs
 * only for callers who may not read its drafts.
 * @example const { items } = yield* zoneHistory(caller, "hb-qibin", { scheme: "henan-2017" })
 */
export const zoneHistory = (caller: Caller, clusterId: string, q: { readonly scheme: string }) =>
  Effect.gen(function* () {
    yield* requireResultsReader(caller, (yield* AppConfig).publicResults)
    const items = yield* AssessmentRuns.history(q.scheme, clusterId, { publishedOnly: !mayReadDrafts(caller, clusterId) })
    return { cluster: clusterId, scheme: q.scheme, items } satisfies ZoneHistoryDocument
  })
