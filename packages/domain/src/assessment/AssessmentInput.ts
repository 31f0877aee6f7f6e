import type { ApprovalState, ClusterKind, PlanKind, RankingGroup, ServiceForm } from "../model/Cluster.js"
import type { Observation } from "../model/Observation.js"

/**
 * What an assessment needs to know about a zone: a subset of the register's Cluster, so a full
 * `Cluster` can be passed as is.
 */
export interface AssessedCluster {
  /** The zone's id, as used by the value lookup. */
  readonly id: string
  /** Chinese name. */
  readonly name: string
  /** English name, when known. */
  readonly nameEn?: string | undefined
  /** Ranking group: zones in city districts and in counties are ranked apart. */
  readonly group: RankingGroup
  /** Kind of zone (industrial, modern service, …), carried through for reports. */
  readonly kind?: ClusterKind
  /** Service form of a service agglomeration, carried through for reports. */
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
  /** The zones to assess. */
  readonly clusters: ReadonlyArray<AssessedCluster>
  /** Indicator values by zone, indicator code and period (see valueLookup). */
  readonly value: ValueLookup
  /** Yes/no facts for veto rules (see factLookup); veto rules on facts are skipped with a note when absent. */
  readonly fact?: FactLookup
  /** A zone's own base for `base_relative` normalisation with `base: "given"`; the indicator's `base` in the scheme is the fallback. */
  readonly base?: (clusterId: string, indicator: string) => number | undefined
}

/** One value row, the plainest way to feed an assessment. */
export interface ValueRow {
  /** The zone's id. */
  readonly clusterId: string
  /** Indicator code, e.g. "revenue". */
  readonly indicator: string
  /** Period, e.g. "2025". */
  readonly period: string
  /** The value in the indicator's catalogue unit; non-finite values are ignored. */
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

/**
 * Build a {@link ValueLookup} from stored observations about clusters (region observations are skipped);
 * the usual bridge from the register's observations to {@link runAssessment}.
 * @example valueLookupFromObservations(observations)("hb-baoshan", "revenue", "2025") // that zone's 2025 revenue, or undefined
 */
export const valueLookupFromObservations = (observations: ReadonlyArray<Observation>): ValueLookup =>
  valueLookup(
    observations.filter((o) => o.target.kind === "cluster").map((o) => ({ clusterId: o.target.id, indicator: o.indicator, period: o.period, value: o.value })),
  )

/**
 * Build a {@link FactLookup} from plain rows (the last row wins when a key repeats); feeds veto rules such as
 * "serious_pollution".
 * @example factLookup([{ clusterId: "a", fact: "serious_pollution", period: "2025", value: true }])("a", "serious_pollution", "2025") // true
 */
export const factLookup = (
  rows: ReadonlyArray<{ readonly clusterId: string; readonly fact: string; readonly period: string; readonly value: boolean }>,
): FactLookup => {
  const m = new Map<string, boolean>()
  for (const r of rows) m.set(key(r.clusterId, r.fact, r.period), r.value)
  return (c, f, p) => m.get(key(c, f, p))
}
