/**
 * The documents about stored assessment runs that the API answers: a run just made, a stored result, the rankings
 * of a run, a zone's history over the periods, the schemes to choose from, and a preview (a result computed on the
 * server without storing it).
 */
import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { ClusterKind, RankingGroup } from "../../model/Cluster.js"
import { AssessmentScheme } from "../AssessmentScheme.js"
import { UnconfirmedItem } from "../KindSchemes.js"
import { AssessmentResult, GroupRanking, UnrankedZone } from "../RunAssessment.js"
import { StarMovement } from "../Stars.js"
import { AssessmentReport, KindRunSummary } from "./AssessmentReport.js"

/** A run just made (POST /v1/assessments/runs): the stored result and its report. */
export const AssessmentRunDocument = Schema.Struct({
  id: Schema.String,
  scheme: Schema.String,
  period: Schema.String,
  published: Schema.Boolean,
  result: AssessmentResult,
  report: AssessmentReport,
  /** A run of every kind (no scheme given): each kind's run; this document is the industrial kind's. */
  runs: Schema.optional(Schema.Array(KindRunSummary)),
})
export type AssessmentRunDocument = typeof AssessmentRunDocument.Type

/** An assessment computed on the server and not stored (GET /v1/assessments/preview): the result and its report. */
export const AssessmentPreviewDocument = Schema.Struct({ result: AssessmentResult, report: AssessmentReport })
export type AssessmentPreviewDocument = typeof AssessmentPreviewDocument.Type

/** The latest stored run of a scheme and period (GET /v1/assessments/results). */
export const StoredResultDocument = Schema.Struct({
  id: Schema.String,
  published: Schema.Boolean,
  createdAt: Schema.String,
  result: AssessmentResult,
})
export type StoredResultDocument = typeof StoredResultDocument.Type

/** The rankings of a stored run (GET /v1/assessments/rankings): each group's order, and the zones listed apart. */
export const RankingsDocument = Schema.Struct({
  id: Schema.String,
  scheme: Schema.String,
  period: Schema.String,
  published: Schema.Boolean,
  groups: Schema.Array(GroupRanking),
  vetoed: Schema.Array(UnrankedZone),
  excluded: Schema.Array(UnrankedZone),
})
export type RankingsDocument = typeof RankingsDocument.Type

/**
 * The rankings document of a stored run, for one ranking group or both.
 * @example rankingsDocument({ id: "run_1", scheme: "henan-2017", period: "2025", published: true, result }, "county").groups.length // 1
 */
export const rankingsDocument = (
  run: { readonly id: string; readonly scheme: string; readonly period: string; readonly published: boolean; readonly result: AssessmentResult },
  group?: RankingGroup,
): RankingsDocument => ({
  id: run.id,
  scheme: run.scheme,
  period: run.period,
  published: run.published,
  groups: run.result.groups.filter((g) => group === undefined || g.group === group),
  vetoed: run.result.vetoed,
  excluded: run.result.excluded,
})

/** One period of a zone's history under a scheme: the latest run of that period. */
export const ZoneHistoryItem = Schema.Struct({
  period: Schema.String,
  runId: Schema.String,
  published: Schema.Boolean,
  group: RankingGroup,
  status: Schema.Literals(["ranked", "vetoed", "excluded"]),
  score: Schema.NullOr(Schema.Number),
  rank: Schema.NullOr(Schema.Number),
  rankChange: Schema.NullOr(Schema.Number),
  reward: Schema.Boolean,
  stars: Schema.NullOr(Schema.Number),
  starMovement: Schema.NullOr(StarMovement),
})
export type ZoneHistoryItem = typeof ZoneHistoryItem.Type

/** A zone's results over the periods, oldest first (GET /v1/assessments/clusters/{id}/history). */
export const ZoneHistoryDocument = Schema.Struct({ cluster: Schema.String, scheme: Schema.String, items: Schema.Array(ZoneHistoryItem) })
export type ZoneHistoryDocument = typeof ZoneHistoryDocument.Type

/** A scheme to choose from: built into Jiju, or stored from a file earlier. */
export const SchemeSummary = Schema.Struct({ id: Schema.String, name: BilingualMessage, from: Schema.Literals(["built_in", "stored"]) })
export type SchemeSummary = typeof SchemeSummary.Type

/** The schemes an assessment can be run with (GET /v1/assessments/schemes). */
export const SchemeList = Schema.Struct({ items: Schema.Array(SchemeSummary) })
export type SchemeList = typeof SchemeList.Type

/** The scheme one kind of zone is assessed with: the scheme in full, where it comes from, and what is unconfirmed. */
export const KindScheme = Schema.Struct({
  kind: ClusterKind,
  scheme: AssessmentScheme,
  from: Schema.Literals(["built_in", "stored"]),
  /** Whether the commission configured it (JIJU_KIND_SCHEMES) rather than the built-in mapping. */
  configured: Schema.Boolean,
  /** The scheme's parts that still hold Jiju defaults: a run on them is published only with confirmation. */
  unconfirmedDefaults: Schema.Array(UnconfirmedItem),
})
export type KindScheme = typeof KindScheme.Type

/** The scheme of every kind (GET /v1/assessments/kind-schemes). */
export const KindSchemeList = Schema.Struct({ items: Schema.Array(KindScheme) })
export type KindSchemeList = typeof KindSchemeList.Type
