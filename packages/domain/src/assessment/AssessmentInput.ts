import type { ApprovalState, ClusterKind, PlanKind, RankingGroup, ServiceForm } from "../model/Cluster.js"
import type { Observation } from "../model/Observation.js"

/**
 * What an assessment needs to know about a zone: a subset of the register's Cluster, so a full
 * `Cluster` can be passed as is.
 */
export interface AssessedCluster {
  readonly id: string
  readonly name: string
  readonly nameEn?: string | undefined
  readonly group: RankingGroup
  readonly kind?: ClusterKind
  readonly form?: ServiceForm | null
  /** Planning documents and their approval state; when omitted, `plan` veto rules cannot be checked (a warning says so). */
  readonly planning?: ReadonlyArray<{ readonly kind: PlanKind; readonly state: ApprovalState }>
}

/** A zone's value of an indicator in a period, or undefined when there is none. */
export type ValueLookup = (clusterId: string, indicator: string, period: string) => number | undefined

/**
 * Whether a named fact holds for a zone in a period (e.g. "serious_pollution", or "plan:master_plan" for
 * an approved master plan that period), or undefined when not stated.
 */
export type FactLookup = (clusterId: string, fact: string, period: string) => boolean | undefined

/** Everything {@link runAssessment} reads besides the scheme. */
export interface AssessmentInput {
  readonly clusters: ReadonlyArray<AssessedCluster>
  readonly value: ValueLookup
  readonly fact?: FactLookup
  /** A zone's own base for `base_relative` normalisation with `base: "given"`; the indicator's `base` in the scheme is the fallback. */
  readonly base?: (clusterId: string, indicator: string) => number | undefined
}

/** One value row, the plainest way to feed an assessment. */
export interface ValueRow {
  readonly clusterId: string
  readonly indicator: string
  readonly period: string
  readonly value: number
}

const key = (a: string, b: string, c: string) => `${a}\u0000${b}\u0000${c}`

/**
 * Build a {@link ValueLookup} from plain rows (the last row wins when a key repeats).
 * @example valueLookup([{ clusterId: "a", indicator: "revenue", period: "2025", value: 12 }])("a", "revenue", "2025") // 12
 */
export const valueLookup = (rows: ReadonlyArray<ValueRow>): ValueLookup => {
  const m = new Map<string, number>()
  for (const r of rows) if (Number.isFinite(r.value)) m.set(key(r.clusterId, r.indicator, r.period), r.value)
  return (c, i, p) => m.get(key(c, i, p))
}

/** Build a {@link ValueLookup} from stored observations about clusters (region observations are skipped). */
export const valueLookupFromObservations = (observations: ReadonlyArray<Observation>): ValueLookup =>
  valueLookup(
    observations
      .filter((o) => o.target.kind === "cluster")
      .map((o) => ({ clusterId: o.target.id, indicator: o.indicator, period: o.period, value: o.value })),
  )

/** Build a {@link FactLookup} from plain rows. */
export const factLookup = (
  rows: ReadonlyArray<{ readonly clusterId: string; readonly fact: string; readonly period: string; readonly value: boolean }>,
): FactLookup => {
  const m = new Map<string, boolean>()
  for (const r of rows) m.set(key(r.clusterId, r.fact, r.period), r.value)
  return (c, f, p) => m.get(key(c, f, p))
}
