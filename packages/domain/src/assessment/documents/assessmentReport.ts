import type { ClusterKind } from "../../model/Cluster.js"
import type { Bilingual } from "../../model/errors.js"
import { previousPeriod } from "../../model/Period.js"
import type { AssessmentScheme } from "../AssessmentScheme.js"
import { type RankStability, rankStability } from "../RankStability.js"
import { type AssessmentResult, type ClusterAssessment, runAssessment } from "../RunAssessment.js"
import { type AssessmentData, unknownPeriod } from "./AssessmentData.js"

/** One zone in the assessment report (`jiju assess --json`, GET /v1/assessments/report): a stable contract. */
export interface AssessedZoneJson {
  readonly id: string
  readonly name: string
  readonly group: string
  readonly status: ClusterAssessment["status"]
  readonly score: number | null
  readonly rank: number | null
  readonly rank_change: number | null
  readonly stars: number | null
  readonly star_change: string | null
  readonly reward: boolean
  readonly veto: { readonly reason: Bilingual; readonly rules: ReadonlyArray<string> } | null
  readonly missing: ReadonlyArray<string>
  readonly contributions: ReadonlyArray<{
    readonly indicator: string
    readonly value: number | null
    readonly normalised: number | null
    readonly weight: number
    readonly points: number | null
  }>
  readonly explanation: Bilingual
  readonly stability?: {
    readonly median: number
    readonly p5: number
    readonly p95: number
    readonly min: number
    readonly max: number
    readonly reward_share: number
  }
}

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
export type PreviousSource = "stored" | "computed"

/** Options of {@link assessPeriod}. */
export interface AssessPeriodOptions {
  /** Only zones of this kind (a partial ranking: callers should not store it over the full one). */
  readonly kind?: ClusterKind | undefined
  /** Rank stability over this many random weight draws around the scheme's weights. */
  readonly stability?: { readonly draws: number; readonly seed?: number } | undefined
  /** The latest stored run of the previous period, if any, with the checksum of the scheme version it used. */
  readonly storedPrevious?: { readonly result: AssessmentResult; readonly schemeChecksum: string | null } | undefined
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
  if (stored && (stored.schemeChecksum === null || stored.schemeChecksum === opts.checksum) && opts.kind === undefined) {
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
export interface ReportRun {
  readonly id: string
  readonly published: boolean
  readonly createdAt: string
}

/** What {@link assessmentReport} reads. */
export interface AssessmentReportInput {
  readonly scheme: Pick<AssessmentScheme, "id" | "name">
  /** Where the scheme came from. */
  readonly schemeFrom: "built_in" | "file" | "stored"
  readonly checksum: string | null
  readonly result: AssessmentResult
  readonly previousSource: PreviousSource | null
  readonly source: AssessmentData["source"]
  readonly demo: boolean
  readonly stability: RankStability | null
  /** The stored run, or null when the result was not stored. */
  readonly run: ReportRun | null
}

/**
 * The assessment report: the JSON of `jiju assess --json` and of GET /v1/assessments/report (a public contract).
 * @example assessmentReport({ scheme, schemeFrom: "built_in", checksum, ...assessed, source: "store", demo: false, run: null }).groups
 */
export const assessmentReport = (r: AssessmentReportInput) => ({
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
})

/** The assessment report's JSON. */
export type AssessmentReport = ReturnType<typeof assessmentReport>
