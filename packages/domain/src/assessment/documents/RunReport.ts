/**
 * The report of a stored run: what the documents a commission sends out (the workbook, the 通报 bulletin, the
 * per-zone 体检报告) are written from. It only gathers what the run and the judgements already computed —
 * ranks, scores, rewards, stars and explanations from the run; certification, targets and diagnosis from their
 * own documents — and adds the single-indicator positions, the sanctions and the summary's facts.
 */
import { type RankingGroup, rankingGroupNames } from "../../model/Cluster.js"
import type { Bilingual } from "../../model/errors.js"
import type { AssessmentResult, ClusterAssessment } from "../RunAssessment.js"
import { type IndicatorPositions, singleIndicatorPositions } from "../SingleIndicatorPositions.js"
import type { StarMovement } from "../Stars.js"
import type { CertificationDocument, CertifiedZone } from "./CertificationDocument.js"
import type { DiagnosedZone, DiagnosisDocument } from "./DiagnosisDocument.js"
import type { TargetsDocument } from "./TargetsDocument.js"

/** A yellow card (黄牌警告) the commission gave a zone: its decision, recorded with the report (seed 002 篇8). */
export interface YellowCard {
  readonly clusterId: string
  readonly reason?: string | undefined
}

/** What the report reads: the stored run, the compared run, and the judgements of the run's period. */
export interface RunReportInput {
  readonly run: { readonly id: string; readonly scheme: string; readonly period: string; readonly published: boolean; readonly createdAt: string }
  readonly result: AssessmentResult
  /** The run compared with (for single-indicator position changes), when one may be shown. */
  readonly compared?: AssessmentResult | null | undefined
  readonly certification?: CertificationDocument | null | undefined
  readonly targets?: TargetsDocument | null | undefined
  readonly diagnosis?: DiagnosisDocument | null | undefined
  /** The issuing body (发文机关), from the deployment's configuration or the request; null when none is set. */
  readonly issuer: string | null
  /** The date of issue, ISO (YYYY-MM-DD). */
  readonly date: string
  readonly yellowCards?: ReadonlyArray<YellowCard> | undefined
  /** What the documents leave out and why (a section the reader may not see, a judgement that failed). */
  readonly notes?: ReadonlyArray<Bilingual> | undefined
  /** The statement on the scheme's Jiju defaults: who confirmed them and when, or that they are unconfirmed. */
  readonly defaults?: Bilingual | null | undefined
}

/** Why a zone is sanctioned. */
export type SanctionKind = "veto" | "star_demotion" | "yellow_card"

/** A sanction shown beside a zone, with where its rule comes from. */
export interface Sanction {
  readonly clusterId: string
  readonly name: string
  readonly kind: SanctionKind
  readonly reason: Bilingual
}

/** One row of a group's ranking table. */
export interface RankingRow {
  readonly rank: number
  readonly clusterId: string
  readonly name: string
  readonly score: number
  readonly previousRank: number | null
  readonly rankChange: number | null
  readonly rankChangeText: Bilingual | null
  readonly reward: boolean
  readonly stars: number | null
  readonly starMovement: StarMovement | null
  readonly sanctions: ReadonlyArray<Sanction>
}

/** A group's ranking table. */
export interface RankingTable {
  readonly group: RankingGroup
  readonly name: Bilingual
  readonly size: number
  readonly rewardBand: number
  readonly rows: ReadonlyArray<RankingRow>
}

/** An indicator of the scheme, as the tables head it. */
export interface ReportIndicator {
  readonly code: string
  readonly name: Bilingual
  readonly unit: string
  readonly dimension: string
  readonly weight: number
}

/** A zone's page: its outcome, explanation, certification and diagnosis. */
export interface ZonePage {
  readonly zone: ClusterAssessment
  readonly sanctions: ReadonlyArray<Sanction>
  readonly certification: CertifiedZone | null
  readonly diagnosis: DiagnosedZone | null
  /** The zone's single-indicator positions, one per indicator it has a value of. */
  readonly positions: ReadonlyArray<{
    readonly code: string
    readonly name: Bilingual
    readonly position: number
    readonly size: number
    readonly change: number | null
  }>
}

/** A zone named in the summary, with the figure it is named for. */
export interface NamedZone {
  readonly clusterId: string
  readonly name: string
  readonly group: RankingGroup
  readonly figure: number
}

/** The facts the bulletin's summary paragraph states. */
export interface ReportSummary {
  /** Zones ranked, per group. */
  readonly ranked: ReadonlyArray<{ readonly group: RankingGroup; readonly size: number }>
  /** The first three of each group (figure: the score). */
  readonly top: ReadonlyArray<NamedZone>
  /** The largest moves up and down (figure: places, positive up), three at most each way. */
  readonly risers: ReadonlyArray<NamedZone>
  readonly fallers: ReadonlyArray<NamedZone>
  /** Zones within the reward band (figure: the rank). */
  readonly rewarded: ReadonlyArray<NamedZone>
  readonly sanctions: ReadonlyArray<Sanction>
  readonly unranked: number
  /** The paragraph, in both languages. */
  readonly text: Bilingual
}

/** The report of a stored run. */
export interface RunReport {
  readonly run: RunReportInput["run"]
  /** An unpublished run: every document is marked 未发布 (draft). */
  readonly draft: boolean
  readonly title: Bilingual
  readonly issuer: string | null
  readonly date: string
  readonly schemeName: Bilingual
  readonly period: string
  readonly previousPeriod: string | null
  readonly totalPoints: number
  readonly indicators: ReadonlyArray<ReportIndicator>
  readonly rankings: ReadonlyArray<RankingTable>
  /** Zones not ranked (vetoed, or excluded for missing data), with the reasons. */
  readonly unranked: ReadonlyArray<{
    readonly clusterId: string
    readonly name: string
    readonly status: "vetoed" | "excluded"
    readonly reasons: ReadonlyArray<Bilingual>
  }>
  readonly zones: ReadonlyArray<ZonePage>
  readonly certification: CertificationDocument | null
  readonly targets: TargetsDocument | null
  readonly positions: ReadonlyArray<IndicatorPositions>
  readonly sanctions: ReadonlyArray<Sanction>
  readonly summary: ReportSummary
  readonly warnings: ReadonlyArray<Bilingual>
  /** What the documents leave out and why. */
  readonly notes: ReadonlyArray<Bilingual>
  /** The statement on the scheme's Jiju defaults (confirmed by whom and when, or unconfirmed); null when it has none. */
  readonly defaults: Bilingual | null
}

/**
 * The sanctions of a run: 一票否决 (the scheme's veto rules — configuration, outside the documents), a star lost
 * (降星, the star ladder — configuration), and yellow cards (黄牌警告) the commission gave (seed 002 篇8).
 * @example runSanctions(result, [{ clusterId: "hb-qibin" }]).map((s) => s.kind) // ["yellow_card"]
 */
export const runSanctions = (result: AssessmentResult, yellowCards: ReadonlyArray<YellowCard> = []): Sanction[] => {
  const byId = new Map(result.clusters.map((c) => [c.clusterId, c]))
  const out: Sanction[] = []
  for (const c of result.clusters) {
    for (const h of c.veto)
      out.push({
        clusterId: c.clusterId,
        name: c.name,
        kind: "veto",
        reason: { zh: `一票否决：${h.reason.zh}（${h.evidence.zh}）`, en: `vetoed: ${h.reason.en} (${h.evidence.en})` },
      })
    if (c.stars?.movement === "demoted")
      out.push({
        clusterId: c.clusterId,
        name: c.name,
        kind: "star_demotion",
        reason: {
          zh: `降星：由 ${c.stars.previousStars ?? "—"} 星降至 ${c.stars.stars ?? "—"} 星`,
          en: `lost stars: from ${c.stars.previousStars ?? "—"} to ${c.stars.stars ?? "—"}`,
        },
      })
  }
  for (const y of yellowCards) {
    const c = byId.get(y.clusterId)
    out.push({
      clusterId: y.clusterId,
      name: c?.name ?? y.clusterId,
      kind: "yellow_card",
      reason: { zh: `黄牌警告${y.reason ? `：${y.reason}` : ""}`, en: `yellow card${y.reason ? `: ${y.reason}` : ""}` },
    })
  }
  return out
}

/**
 * A period as a document titles it: "2025 年" / "2025"; "2025 年第 1 季度" / "2025 Q1"; "2025 年 3 月" / "March 2025".
 * @example periodLabel("2025Q1").zh // "2025 年第 1 季度"
 */
export const periodLabel = (period: string): Bilingual => {
  const year = period.slice(0, 4)
  if (period.includes("Q")) return { zh: `${year} 年第 ${period.slice(5)} 季度`, en: `${year} ${period.slice(4)}` }
  if (period.includes("-")) {
    const m = Number(period.slice(5))
    const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" })
    return { zh: `${year} 年 ${m} 月`, en: `${month} ${year}` }
  }
  return { zh: `${year} 年`, en: year }
}

const r2 = (x: number) => String(Number(x.toFixed(2)))
const joinZh = (xs: ReadonlyArray<string>) => xs.join("、")
const joinEn = (xs: ReadonlyArray<string>) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`)

const NAMED_AT_MOST = 10

const moves = (result: AssessmentResult, sign: 1 | -1): NamedZone[] => {
  const moved = result.clusters.filter((c) => c.rankChange !== null && c.rankChange * sign > 0)
  return moved
    .map((c) => ({ clusterId: c.clusterId, name: c.name, group: c.group, figure: c.rankChange! }))
    .sort((a, b) => sign * (b.figure - a.figure) || a.clusterId.localeCompare(b.clusterId))
    .slice(0, 3)
}

/**
 * The facts of the summary paragraph and the paragraph itself: zones ranked, the first three of each group, the
 * largest moves, the zones rewarded and the sanctions.
 * @example reportSummary(result, runSanctions(result)).text.zh
 */
export const reportSummary = (result: AssessmentResult, sanctions: ReadonlyArray<Sanction>): ReportSummary => {
  const ranked = result.groups.map((g) => ({ group: g.group, size: g.size }))
  const top = result.groups.flatMap((g) =>
    g.ranking.filter((z) => z.rank <= 3).map((z) => ({ clusterId: z.clusterId, name: z.name, group: g.group, figure: z.score })),
  )
  const risers = moves(result, 1)
  const fallers = moves(result, -1)
  const rewarded = result.groups.flatMap((g) =>
    g.ranking.filter((z) => z.reward).map((z) => ({ clusterId: z.clusterId, name: z.name, group: g.group, figure: z.rank })),
  )
  const unranked = result.vetoed.length + result.excluded.length
  const zh: string[] = []
  const en: string[] = []
  const total = ranked.reduce((a, g) => a + g.size, 0)
  zh.push(
    `${periodLabel(result.period).zh}考核共有 ${total} 个集聚区参加排名（${ranked.map((g) => `${rankingGroupNames[g.group].zh}组 ${g.size} 个`).join("，")}）${unranked > 0 ? `，另有 ${unranked} 个未参加排名` : ""}。`,
  )
  en.push(
    `In ${periodLabel(result.period).en}, ${total} zones were ranked (${ranked.map((g) => `${g.size} in the ${rankingGroupNames[g.group].en.toLowerCase()} group`).join(", ")})${unranked > 0 ? `; ${unranked} more were not ranked` : ""}.`,
  )
  for (const g of result.groups) {
    const t = top.filter((z) => z.group === g.group)
    if (t.length === 0) continue
    zh.push(`${rankingGroupNames[g.group].zh}组前三名为${joinZh(t.map((z) => `${z.name}（${r2(z.figure)} 分）`))}。`)
    en.push(`The first three of the ${rankingGroupNames[g.group].en.toLowerCase()} group: ${joinEn(t.map((z) => `${z.name} (${r2(z.figure)})`))}.`)
  }
  if (risers.length > 0) {
    zh.push(`名次上升较多的有${joinZh(risers.map((z) => `${z.name}（上升 ${z.figure} 位）`))}。`)
    en.push(`Moved up most: ${joinEn(risers.map((z) => `${z.name} (up ${z.figure})`))}.`)
  }
  if (fallers.length > 0) {
    zh.push(`名次下降较多的有${joinZh(fallers.map((z) => `${z.name}（下降 ${-z.figure} 位）`))}。`)
    en.push(`Moved down most: ${joinEn(fallers.map((z) => `${z.name} (down ${-z.figure})`))}.`)
  }
  if (rewarded.length > 0) {
    zh.push(`进入奖励名次的共 ${rewarded.length} 个（${result.groups.map((g) => `${rankingGroupNames[g.group].zh}组前 ${g.rewardBand} 名`).join("、")}）。`)
    en.push(
      `${rewarded.length} zones are within the reward bands (${result.groups.map((g) => `the first ${g.rewardBand} ${rankingGroupNames[g.group].en.toLowerCase()}`).join(", ")}).`,
    )
  }
  const kinds: ReadonlyArray<readonly [SanctionKind, string, string]> = [
    ["veto", "被一票否决", "vetoed"],
    ["yellow_card", "被给予黄牌警告", "given a yellow card"],
    ["star_demotion", "降星", "lost stars"],
  ]
  for (const [kind, zhWord, enWord] of kinds) {
    const names = [...new Set(sanctions.filter((s) => s.kind === kind).map((s) => s.name))]
    if (names.length === 0) continue
    // A paragraph names a few; the tables and annexes list them all.
    const shown = names.slice(0, NAMED_AT_MOST)
    const more = names.length - shown.length
    zh.push(`${joinZh(shown)}${more > 0 ? `等 ${names.length} 个集聚区` : ""}${zhWord}。`)
    en.push(`${joinEn(more > 0 ? [...shown, `${more} more`] : shown)} ${names.length === 1 ? "was" : "were"} ${enWord}.`)
  }
  return { ranked, top, risers, fallers, rewarded, sanctions, unranked, text: { zh: zh.join(""), en: en.join(" ") } }
}

/**
 * The report of a stored run, from the run and the judgements of its period: ranking tables with rank changes,
 * rewards, stars and sanctions; each zone's values and points; certification, targets, single-indicator positions
 * and a page per zone; the summary's facts. A draft (unpublished run) is marked as such.
 * @example runReport({ run, result, issuer: "某某领导小组办公室", date: "2026-01-15" }).summary.text.zh
 */
export const runReport = (input: RunReportInput): RunReport => {
  const { result } = input
  const sanctions = runSanctions(result, input.yellowCards)
  const sanctionsOf = (id: string) => sanctions.filter((s) => s.clusterId === id)
  const byId = new Map(result.clusters.map((c) => [c.clusterId, c]))
  const positions = singleIndicatorPositions(result, input.compared)
  const first = result.clusters[0]
  const indicators: ReportIndicator[] = (first?.contributions ?? []).map((k) => ({
    code: k.code,
    name: { zh: k.zh, en: k.en },
    unit: k.unit,
    dimension: k.dimension,
    weight: k.weight,
  }))
  const rankings: RankingTable[] = result.groups.map((g) => ({
    group: g.group,
    name: g.name,
    size: g.size,
    rewardBand: g.rewardBand,
    rows: g.ranking.map((z) => {
      const c = byId.get(z.clusterId)
      return {
        rank: z.rank,
        clusterId: z.clusterId,
        name: z.name,
        score: z.score,
        previousRank: c?.previousRank ?? null,
        rankChange: c?.rankChange ?? null,
        rankChangeText: c?.rankChangeText ?? null,
        reward: z.reward,
        stars: c?.stars?.stars ?? null,
        starMovement: c?.stars?.movement ?? null,
        sanctions: sanctionsOf(z.clusterId),
      }
    }),
  }))
  const certified = new Map((input.certification?.results ?? []).map((c) => [c.id, c]))
  const diagnosed = new Map((input.diagnosis?.results ?? []).map((d) => [d.clusterId, d]))
  // Zones in ranking order (group by group), then the zones not ranked.
  const order = [...rankings.flatMap((t) => t.rows.map((r) => r.clusterId)), ...result.clusters.filter((c) => c.rank === null).map((c) => c.clusterId)]
  const zones: ZonePage[] = order.flatMap((id) => {
    const zone = byId.get(id)
    if (!zone) return []
    return [
      {
        zone,
        sanctions: sanctionsOf(id),
        certification: certified.get(id) ?? null,
        diagnosis: diagnosed.get(id) ?? null,
        positions: positions.flatMap((p) => {
          const at = p.positions.find((x) => x.clusterId === id)
          return at ? [{ code: p.code, name: p.name, position: at.position, size: p.size, change: at.change }] : []
        }),
      },
    ]
  })
  const draft = !input.run.published
  return {
    run: input.run,
    draft,
    title: {
      zh: `关于${periodLabel(result.period).zh.replace(/ /g, "")}${result.schemeName.zh}结果的通报`,
      en: `Bulletin on the results of the ${result.schemeName.en}, ${periodLabel(result.period).en}`,
    },
    issuer: input.issuer,
    date: input.date,
    schemeName: result.schemeName,
    period: result.period,
    previousPeriod: result.previousPeriod,
    totalPoints: result.totalPoints,
    indicators,
    rankings,
    unranked: result.clusters
      .filter((c): c is ClusterAssessment & { status: "vetoed" | "excluded" } => c.status !== "ranked")
      .map((c) => ({ clusterId: c.clusterId, name: c.name, status: c.status, reasons: c.reasons })),
    zones,
    certification: input.certification ?? null,
    targets: input.targets ?? null,
    positions,
    sanctions,
    summary: reportSummary(result, sanctions),
    warnings: result.warnings,
    notes: input.notes ?? [],
    defaults: input.defaults ?? null,
  }
}
