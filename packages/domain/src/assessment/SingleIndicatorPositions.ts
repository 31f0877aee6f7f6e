/**
 * Single-indicator positions (单项指标排位): every zone of a run placed on each indicator of the scheme, as the
 * half-year province report does (seed 002 篇8: 总投资 positions of 金山、鹤淇、黎阳、宝山 "down 5, 9, 4, 82 places
 * against the previous year-end"). The values are the run's own (its contributions), so a position never
 * disagrees with the score it sits beside.
 */
import type { Bilingual } from "../model/errors.js"
import { competitionRanks } from "./Ranking.js"
import type { AssessmentResult } from "./RunAssessment.js"

/** One zone's position on one indicator. */
export interface IndicatorPosition {
  readonly clusterId: string
  readonly name: string
  readonly value: number
  /** Competition rank over every zone with a value (best first: highest for a positive indicator, lowest for a negative one). */
  readonly position: number
  /** Position in the compared run, or null when the zone had no value then (or no run was compared). */
  readonly previousPosition: number | null
  /** previousPosition − position: positive moved up. */
  readonly change: number | null
}

/** The positions on one indicator, best first. */
export interface IndicatorPositions {
  readonly code: string
  readonly name: Bilingual
  readonly unit: string
  readonly direction: "positive" | "negative"
  /** Zones placed (those with a value). */
  readonly size: number
  readonly positions: ReadonlyArray<IndicatorPosition>
  /** Zones without a value this period (not placed, never counted as zero). */
  readonly missing: ReadonlyArray<string>
}

const place = (result: AssessmentResult, code: string) => {
  const rows = result.clusters.flatMap((c) => {
    const x = c.contributions.find((k) => k.code === code)
    return x && x.value !== null ? [{ clusterId: c.clusterId, name: c.name, value: x.value, direction: x.direction }] : []
  })
  // competitionRanks puts the highest first; a negative indicator is best when lowest.
  const ranks = competitionRanks(rows.map((r) => (r.direction === "negative" ? -r.value : r.value)))
  return rows.map((r, i) => ({ ...r, position: ranks[i]! }))
}

/**
 * Every zone of a run placed on each indicator of its scheme, over all ranking groups (the province-wide 单项
 * positions), with the change against a compared run (e.g. the previous year-end).
 * @example singleIndicatorPositions(result, previous)[0]?.positions[0]?.position // 1
 */
export const singleIndicatorPositions = (result: AssessmentResult, compared?: AssessmentResult | null): IndicatorPositions[] => {
  const first = result.clusters[0]
  if (!first) return []
  return first.contributions.map((k) => {
    const now = place(result, k.code)
    const before = compared ? new Map(place(compared, k.code).map((p) => [p.clusterId, p.position])) : new Map<string, number>()
    const positions = now
      .map((p) => {
        const previousPosition = before.get(p.clusterId) ?? null
        return {
          clusterId: p.clusterId,
          name: p.name,
          value: p.value,
          position: p.position,
          previousPosition,
          change: previousPosition === null ? null : previousPosition - p.position,
        }
      })
      .sort((a, b) => a.position - b.position || a.clusterId.localeCompare(b.clusterId))
    const placed = new Set(now.map((p) => p.clusterId))
    return {
      code: k.code,
      name: { zh: k.zh, en: k.en },
      unit: k.unit,
      direction: k.direction,
      size: positions.length,
      positions,
      missing: result.clusters.filter((c) => !placed.has(c.clusterId)).map((c) => c.clusterId),
    }
  })
}
