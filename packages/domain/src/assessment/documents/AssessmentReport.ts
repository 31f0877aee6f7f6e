import * as Schema from "effect/Schema"
import { BilingualMessage } from "../../model/Bilingual.js"
import { ClusterKind, RankingGroup } from "../../model/Cluster.js"
import { previousPeriod } from "../../model/Period.js"
import type { AssessmentScheme } from "../AssessmentScheme.js"
import { DefaultsConfirmation, UnconfirmedItem } from "../KindSchemes.js"
import { type RankStability, rankStability } from "../RankStability.js"
import { AssessmentResult, type ClusterAssessment, RankedZone, runAssessment } from "../RunAssessment.js"
import { StarMovement } from "../Stars.js"
import { type AssessmentData, DataSource, unknownPeriod } from "./AssessmentData.js"

/** One zone in the assessment report (`jiju assess --json`, GET /v1/assessments/report): a stable contract. */
export const AssessedZoneJson = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  group: RankingGroup,
  status: Schema.Literals(["ranked", "vetoed", "excluded"]),
  score: Schema.NullOr(Schema.Number),
  rank: Schema.NullOr(Schema.Number),
  rank_change: Schema.NullOr(Schema.Number),
  stars: Schema.NullOr(Schema.Number),
  star_change: Schema.NullOr(StarMovement),
  reward: Schema.Boolean,
  veto: Schema.NullOr(Schema.Struct({ reason: BilingualMessage, rules: Schema.Array(Schema.String) })),
  missing: Schema.Array(Schema.String),
  contributions: Schema.Array(
    Schema.Struct({
      indicator: Schema.String,
      value: Schema.NullOr(Schema.Number),
      normalised: Schema.NullOr(Schema.Number),
      weight: Schema.Number,
      points: Schema.NullOr(Schema.Number),
    }),
  ),
  explanation: BilingualMessage,
  /** With `--stability N`: the zone's ranks over the weight draws. */
  stability: Schema.optional(
    Schema.Struct({
      median: Schema.Number,
      p5: Schema.Number,
      p95: Schema.Number,
      min: Schema.Number,
      max: Schema.Number,
      reward_share: Schema.Number,
    }),
  ),
})
export type AssessedZoneJson = typeof AssessedZoneJson.Type

/**
 * A zone's outcome in the report's JSON shape.
 * @example zoneJson(result.clusters[0]).rank
 */
export const zoneJson = (c: ClusterAssessment, stability?: RankStability | null): AssessedZoneJson => {
  const s = stability?.zones.find((z) => z.clusterId === c.clusterId)
  return {
    id: c.clusterId,
    name: c.name,
    group: c.group,
    status: c.status,
    score: c.score,
    rank: c.rank,
    rank_change: c.rankChange,
    stars: c.stars?.stars ?? null,
    star_change: c.stars?.movement ?? null,
    reward: c.reward,
    veto:
      c.veto.length === 0
        ? null
        : {
            reason: {
              zh: c.veto.map((h) => `${h.reason.zh}（${h.evidence.zh}）`).join("；"),
              en: c.veto.map((h) => `${h.reason.en} (${h.evidence.en})`).join("; "),
            },
            rules: c.veto.map((h) => h.ruleId),
          },
    missing: c.missing,
    contributions: c.contributions.map((x) => ({ indicator: x.code, value: x.value, normalised: x.normalised, weight: x.weight, points: x.points })),
    explanation: { zh: c.explanation.zh, en: c.explanation.en },
    ...(s ? { stability: { median: s.median, p5: s.p5, p95: s.p95, min: s.min, max: s.max, reward_share: s.rewardShare } } : {}),
  }
}

/** Where the comparison result came from: a stored run of the same scheme version, or computed from the observations. */
export const PreviousSource = Schema.Literals(["stored", "computed"])
export type PreviousSource = typeof PreviousSource.Type

/** Options of {@link assessPeriod}. */
export interface AssessPeriodOptions {
  /** Only zones of this kind (a partial ranking: callers should not store it over the full one). */
  readonly kind?: ClusterKind | undefined
  /** Rank stability over this many random weight draws around the scheme's weights. */
  readonly stability?: { readonly draws: number; readonly seed?: number } | undefined
  /** The latest stored run of the previous period, if any, with the checksum of the scheme version it used. */
  readonly storedPrevious?:
    | {
        readonly result: AssessmentResult
        readonly schemeChecksum: string | null
        /** The kind the stored run covered (null or absent: every kind). */
        readonly kind?: ClusterKind | null | undefined
      }
    | undefined
  /** The checksum of `scheme` (a stored previous run counts only when it used the same version). */
  readonly checksum: string
}

/** What {@link assessPeriod} produces. */
export interface AssessedPeriod {
  readonly result: AssessmentResult
  readonly previousSource: PreviousSource | null
  readonly stability: RankStability | null
}

/**
 * Assess a period as `jiju assess` and the API do: the zones (of `kind`, if given), compared with the
 * previous period's stored run of the same scheme version or, when there is none, a result computed from
 * the observations; optionally with rank stability. InputError "unknown_period" when no zone has a value
 * of the scheme's indicators in `period`.
 *
 * @example
 * const { result, previousSource } = assessPeriod(henan2017Scheme, data, "2025", { checksum })
 */
export const assessPeriod = (scheme: AssessmentScheme, data: AssessmentData, period: string, opts: AssessPeriodOptions): AssessedPeriod => {
  const clusters = data.input.clusters.filter((c) => opts.kind === undefined || c.kind === opts.kind)
  const input = { ...data.input, clusters }
  const hasPeriod = (p: string) =>
    clusters.some((c) => scheme.dimensions.some((d) => d.indicators.some((i) => data.input.value(c.id, i.code, p) !== undefined)))
  if (!data.periods.includes(period) || !hasPeriod(period)) throw unknownPeriod(period, data.periods)
  const prev = previousPeriod(period)
  const stored = opts.storedPrevious
  let previous: AssessmentResult | undefined
  let previousSource: PreviousSource | null = null
  // A stored run is the comparison only when it covered the same zones: every kind, or the same one kind.
  const sameZones = (stored?.kind ?? undefined) === opts.kind
  if (stored && (stored.schemeChecksum === null || stored.schemeChecksum === opts.checksum) && sameZones) {
    previous = stored.result
    previousSource = "stored"
  } else if (hasPeriod(prev)) {
    previous = runAssessment(scheme, input, prev)
    previousSource = "computed"
  }
  const result = runAssessment(scheme, input, period, previous)
  const stability = opts.stability ? rankStability(scheme, result, { draws: opts.stability.draws, seed: opts.stability.seed ?? 1 }) : null
  return { result, previousSource, stability }
}

/** A stored run as the report names it. */
export const ReportRun = Schema.Struct({ id: Schema.String, published: Schema.Boolean, createdAt: Schema.String })
export type ReportRun = typeof ReportRun.Type

/** Where a scheme came from: built into Jiju, read from a file for this run, or stored earlier. */
export const SchemeOrigin = Schema.Literals(["built_in", "file", "stored"])
export type SchemeOrigin = typeof SchemeOrigin.Type

/** One kind's run in a run of every kind (`jiju assess` without --scheme and --kind): its scheme and stored run. */
export const KindRunSummary = Schema.Struct({
  kind: ClusterKind,
  scheme: Schema.String,
  scheme_name: BilingualMessage,
  /** The stored run, or null when it was not stored. */
  run_id: Schema.NullOr(Schema.String),
  published: Schema.Boolean,
  /** Zones of the kind, and how many were ranked. */
  zones: Schema.Number,
  ranked: Schema.Number,
  unconfirmed_defaults: Schema.Array(UnconfirmedItem),
  confirmation: Schema.NullOr(DefaultsConfirmation),
})
export type KindRunSummary = typeof KindRunSummary.Type

/** The assessment report: the JSON of `jiju assess --json` and of GET /v1/assessments/report (a public contract). */
export const AssessmentReport = Schema.Struct({
  scheme: Schema.Struct({ id: Schema.String, name: BilingualMessage, from: SchemeOrigin, checksum: Schema.NullOr(Schema.String) }),
  period: Schema.String,
  /** The period compared with, when there was one. */
  previous_period: Schema.NullOr(Schema.String),
  previous_source: Schema.NullOr(PreviousSource),
  source: DataSource,
  demo: Schema.Boolean,
  /** Whether the result was stored (a run), or only shown. */
  stored: Schema.Boolean,
  run: Schema.NullOr(ReportRun),
  weighting: AssessmentResult.fields.weighting,
  weights: AssessmentResult.fields.weights,
  warnings: Schema.Array(BilingualMessage),
  groups: Schema.Array(
    Schema.Struct({ group: RankingGroup, name: BilingualMessage, size: Schema.Number, reward_band: Schema.Number, ranking: Schema.Array(RankedZone) }),
  ),
  clusters: Schema.Array(AssessedZoneJson),
  /** With `--stability N`: how the weights were drawn. */
  stability: Schema.optional(
    Schema.Struct({ draws: Schema.Number, seed: Schema.Number, method: Schema.Literals(["dirichlet", "lognormal"]), parameter: Schema.Number }),
  ),
  /** The kind of zone the run covers, when it covers one kind (a run of every kind's own scheme). */
  kind: Schema.optional(ClusterKind),
  /** The scheme's parts that hold Jiju defaults (each with its source); present when the scheme carries provenance. */
  unconfirmed_defaults: Schema.optional(Schema.Array(UnconfirmedItem)),
  /** Who confirmed those defaults and when (null while unconfirmed); present when the scheme carries provenance. */
  confirmation: Schema.optional(Schema.NullOr(DefaultsConfirmation)),
  /** A run of every kind: one entry per kind, this document being the industrial kind's run (or the first). */
  runs: Schema.optional(Schema.Array(KindRunSummary)),
})
export type AssessmentReport = typeof AssessmentReport.Type

/** What {@link assessmentReport} reads. */
export interface AssessmentReportInput {
  readonly scheme: Pick<AssessmentScheme, "id" | "name">
  /** Where the scheme came from. */
  readonly schemeFrom: SchemeOrigin
  readonly checksum: string | null
  readonly result: AssessmentResult
  readonly previousSource: PreviousSource | null
  readonly source: AssessmentData["source"]
  readonly demo: boolean
  readonly stability: RankStability | null
  /** The stored run, or null when the result was not stored. */
  readonly run: ReportRun | null
  /** The kind the run covers, when one. */
  readonly kind?: ClusterKind | undefined
  /** The scheme's unconfirmed defaults (given for a scheme with provenance). */
  readonly unconfirmed?: ReadonlyArray<UnconfirmedItem> | undefined
  /** The confirmation the run records, if any. */
  readonly confirmation?: DefaultsConfirmation | null | undefined
}

/**
 * The assessment report: the JSON of `jiju assess --json` and of GET /v1/assessments/report (a public contract).
 * @example assessmentReport({ scheme, schemeFrom: "built_in", checksum, ...assessed, source: "store", demo: false, run: null }).groups
 */
export const assessmentReport = (r: AssessmentReportInput): AssessmentReport => ({
  scheme: { id: r.scheme.id, name: r.scheme.name, from: r.schemeFrom, checksum: r.checksum },
  period: r.result.period,
  previous_period: r.previousSource === null ? null : r.result.previousPeriod,
  previous_source: r.previousSource,
  source: r.source,
  demo: r.demo,
  stored: r.run !== null,
  run: r.run,
  weighting: r.result.weighting,
  weights: r.result.weights,
  warnings: r.result.warnings,
  groups: r.result.groups.map((g) => ({ group: g.group, name: g.name, size: g.size, reward_band: g.rewardBand, ranking: g.ranking })),
  clusters: r.result.clusters.map((c) => zoneJson(c, r.stability)),
  ...(r.stability ? { stability: { draws: r.stability.draws, seed: r.stability.seed, method: r.stability.method, parameter: r.stability.parameter } } : {}),
  ...(r.kind !== undefined ? { kind: r.kind } : {}),
  ...(r.unconfirmed !== undefined && (r.unconfirmed.length > 0 || r.confirmation)
    ? { unconfirmed_defaults: r.unconfirmed, confirmation: r.confirmation ?? null }
    : {}),
})
