import { type Cluster, infrastructureReadiness } from "../model/Cluster.js"
import { type FactLookup, type ValueLookup, valueLookup } from "./AssessmentInput.js"
import type { DiagnosedCluster } from "./Diagnosis.js"
import { type FactInForce, type FactValue, factName, storedFactLookup, type ZoneFactRecord } from "./ZoneFacts.js"

/** A stated fact about a zone in a period (e.g. "public_service" true in "2025", or "plan:master_plan"), as a data file gives it. */
export interface FactRow {
  readonly clusterId: string
  readonly fact: string
  readonly period: string
  readonly value: FactValue
}

/** An observation as the bridge reads it: a stored `Observation` fits, and so does a row read from a file. */
export interface RegisterObservation {
  readonly target: { readonly kind: "cluster" | "region"; readonly id: string }
  readonly period: string
  readonly indicator: string
  readonly value: number
}

/** The register fields the bridge reads: a stored or plain `Cluster` fits, and so does a lighter record from a file. */
export type RegisterCluster = { readonly id: string; readonly region?: string } & Pick<Cluster, "name" | "group"> &
  Partial<Pick<Cluster, "nameEn" | "kind" | "form" | "level" | "planning" | "infrastructure" | "managementBody" | "financing">>

/** Everything the assessment functions read, built from the register and observations. */
export interface RegisterInput {
  /** The zones, carrying what veto rules, certification and diagnosis read from the register. */
  readonly clusters: ReadonlyArray<DiagnosedCluster & { readonly level?: Cluster["level"]; readonly region?: string }>
  /** Cluster values by (cluster, indicator, period). */
  readonly value: ValueLookup
  /** Yes/no facts: a data file's facts first, then the stored facts in force, then what the register implies (see {@link registerFacts}). */
  readonly fact: FactLookup
  /** Any fact in force at the end of a period, with where it came from (the same order as `fact`). */
  readonly factInForce: (clusterId: string, fact: string, period: string) => FactInForce | undefined
  /** The stored fact records (accepted, proposed and rejected), for rules that read a fact's date. */
  readonly storedFacts: ReadonlyArray<ZoneFactRecord>
  /** A region's own figure (county GDP, a city's industrial output) by (region code, indicator, period). */
  readonly regionValue: (regionCode: string, indicator: string, period: string) => number | undefined
  /** Periods with at least one cluster value, sorted. */
  readonly periods: ReadonlyArray<string>
}

/**
 * Facts the register implies for every period, for certification conditions that are yes/no:
 * `management_body` (a named management body), `positioning_plan` and `layout_plans` (an approved spatial plan),
 * `plan:<kind>` (each planning document's approval). Facts the register cannot tell (public-service capacity,
 * boundaries) are left unstated, so certification reports them as unknown rather than guessing.
 *
 * @example registerFacts({ id: "a", name: "A", group: "county", managementBody: "管委会" }).management_body // true
 */
export const registerFacts = (c: RegisterCluster): Readonly<Record<string, FactValue>> => {
  const out: Record<string, FactValue> = {}
  if (c.managementBody !== undefined) out.management_body = c.managementBody !== null && c.managementBody.trim() !== ""
  if (c.planning !== undefined) {
    for (const p of c.planning) out[`plan:${p.kind}`] = p.state === "approved"
    const spatial = c.planning.find((p) => p.kind === "spatial_plan")?.state === "approved"
    out.positioning_plan = spatial
    out.layout_plans = spatial
    // A detailed plan the register does not list is unknown, never taken as unapproved.
    const detailed = c.planning.find((p) => p.kind === "regulatory_detailed_plan")
    if (detailed) out.detailed_plan = detailed.state === "approved"
  }
  if (c.infrastructure !== undefined) {
    out.sewage_plant = c.infrastructure.sewagePlant
    out.site_readiness = infrastructureReadiness(c.infrastructure)
  }
  return out
}

/**
 * Build the inputs of the assessment functions (runAssessment, certify, classifyStage, fiscalIncentive,
 * trackTargets, diagnose) from register entries and stored observations. Pure: the caller reads the store or
 * files. Cluster observations feed `value`, region observations feed `regionValue`; a stated fact for a period
 * wins over what the register implies.
 *
 * @example
 * const input = assessmentInputFromRegister(await store.clusters.list(), await store.observations.query({ period: "2025" }))
 * runAssessment(henan2017Scheme, input, "2025")
 */
export const assessmentInputFromRegister = (
  clusters: ReadonlyArray<RegisterCluster>,
  observations: ReadonlyArray<RegisterObservation>,
  facts: ReadonlyArray<FactRow> = [],
  storedFacts: ReadonlyArray<ZoneFactRecord> = [],
): RegisterInput => {
  const clusterRows = observations.filter((o) => o.target.kind === "cluster")
  const value = valueLookup(clusterRows.map((o) => ({ clusterId: o.target.id, indicator: o.indicator, period: o.period, value: o.value })))
  const region = valueLookup(
    observations.filter((o) => o.target.kind === "region").map((o) => ({ clusterId: o.target.id, indicator: o.indicator, period: o.period, value: o.value })),
  )
  const stated = new Map(facts.map((f) => [`${f.clusterId}\u0000${f.fact}\u0000${f.period}`, f.value]))
  const implied = new Map(clusters.map((c) => [c.id as string, registerFacts(c)]))
  const stored = storedFactLookup(storedFacts)
  const factInForce = (clusterId: string, name: string, period: string): FactInForce | undefined => {
    const base = { fact: name, name: factName(name) }
    const s = stated.get(`${clusterId}\u0000${name}\u0000${period}`)
    if (s !== undefined) return { ...base, value: s, asOf: null, origin: "file", recordedBy: null, evidence: null }
    const r = stored(clusterId, name, period)
    if (r !== undefined) return { ...base, value: r.value, asOf: r.asOf, origin: "stored", recordedBy: r.recordedBy, evidence: r.evidence }
    const i = implied.get(clusterId)?.[name]
    return i === undefined ? undefined : { ...base, value: i, asOf: null, origin: "register", recordedBy: null, evidence: null }
  }
  const fact: FactLookup = (clusterId, name, period) => {
    const v = factInForce(clusterId, name, period)?.value
    return typeof v === "boolean" ? v : undefined
  }
  return {
    clusters: clusters.map((c) => ({
      id: c.id,
      name: c.name,
      ...(c.nameEn !== undefined ? { nameEn: c.nameEn } : {}),
      group: c.group,
      ...(c.kind !== undefined ? { kind: c.kind } : {}),
      ...(c.form !== undefined ? { form: c.form } : {}),
      ...(c.level !== undefined ? { level: c.level } : {}),
      ...(c.region !== undefined ? { region: c.region } : {}),
      ...(c.planning !== undefined ? { planning: c.planning } : {}),
      ...(c.infrastructure !== undefined ? { infrastructure: c.infrastructure } : {}),
      ...(c.managementBody !== undefined ? { managementBody: c.managementBody } : {}),
      ...(c.financing !== undefined ? { financing: c.financing } : {}),
    })),
    value,
    fact,
    factInForce,
    storedFacts,
    regionValue: region,
    periods: [...new Set(clusterRows.map((o) => o.period as string))].sort(),
  }
}
