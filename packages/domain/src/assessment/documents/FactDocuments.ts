/**
 * The documents about zone facts: the catalogue, one zone's facts in force and their records, the facts of every
 * zone on a day, a write's receipt, the proposals waiting for a decision, and an import's receipt. `jiju facts
 * --json` prints them and the API answers them.
 */
import * as Schema from "effect/Schema"
import type { Cluster } from "../../model/Cluster.js"
import { registerFacts } from "../FromRegister.js"
import { FactDefinition, FactInForce, FactStatus, factCatalogue, factName, factsOn, ZoneFactRecord } from "../ZoneFacts.js"

/** The facts Jiju knows (GET /v1/facts/catalogue, `jiju facts catalogue`). */
export const FactCatalogueDocument = Schema.Struct({ items: Schema.Array(FactDefinition) })
export type FactCatalogueDocument = typeof FactCatalogueDocument.Type

/**
 * The catalogue document.
 * @example factCatalogueDocument().items.length > 10 // true
 */
export const factCatalogueDocument = (): FactCatalogueDocument => ({ items: factCatalogue })

/** One zone's facts (GET /v1/clusters/{id}/facts, `jiju facts --cluster ID`). */
export const ZoneFactsDocument = Schema.Struct({
  cluster: Schema.String,
  name: Schema.String,
  /** The day the facts in force are read on. */
  asOf: Schema.String,
  /** Each catalogue fact that has a value that day: an accepted record, else what the register implies. */
  inForce: Schema.Array(FactInForce),
  /** Every accepted record, oldest first: the history of the zone's facts. */
  records: Schema.Array(ZoneFactRecord),
  /** Proposals waiting for an admin's decision, and those decided. */
  proposals: Schema.Array(ZoneFactRecord),
  demo: Schema.Boolean,
})
export type ZoneFactsDocument = typeof ZoneFactsDocument.Type

/** The facts of every zone on a day (GET /v1/facts, `jiju facts`). */
export const AllFactsDocument = Schema.Struct({
  asOf: Schema.String,
  zones: Schema.Array(Schema.Struct({ cluster: Schema.String, name: Schema.String, inForce: Schema.Array(FactInForce) })),
  /** Proposals waiting for a decision, over every zone. */
  waiting: Schema.Number,
  demo: Schema.Boolean,
})
export type AllFactsDocument = typeof AllFactsDocument.Type

/** What a write recorded: accepted (an admin's) or proposed (a zone committee's), with the records replaced. */
export const FactsRecordedDocument = Schema.Struct({
  cluster: Schema.String,
  status: Schema.Literals(["accepted", "proposed"]),
  records: Schema.Array(ZoneFactRecord),
  replaced: Schema.Array(ZoneFactRecord),
})
export type FactsRecordedDocument = typeof FactsRecordedDocument.Type

/** Proposals (GET /v1/facts/proposals). */
export const FactProposalsDocument = Schema.Struct({ status: FactStatus, items: Schema.Array(ZoneFactRecord) })
export type FactProposalsDocument = typeof FactProposalsDocument.Type

/** A decision on a proposal: the record as it now stands and the accepted record it replaced. */
export const FactDecisionDocument = Schema.Struct({ record: ZoneFactRecord, replaced: Schema.NullOr(ZoneFactRecord) })
export type FactDecisionDocument = typeof FactDecisionDocument.Type

/** A facts file imported (POST /v1/facts/import, `jiju facts import`). */
export const FactImportReceipt = Schema.Struct({ imported: Schema.Number, file: Schema.String, replaced: Schema.Number })
export type FactImportReceipt = typeof FactImportReceipt.Type

/**
 * The facts in force for a zone on `asOf`: each catalogue fact's latest accepted record on or before that day,
 * else what the register implies (a named management body, the planning record, the site services).
 * @example factsInForce(zone, records, "2025-12-31").map((f) => f.fact)
 */
export const factsInForce = (
  zone: Pick<Cluster, "id" | "name"> & Partial<Pick<Cluster, "managementBody" | "planning" | "infrastructure" | "group">>,
  records: ReadonlyArray<ZoneFactRecord>,
  asOf: string,
): FactInForce[] => {
  const stored = factsOn(records, asOf).get(zone.id) ?? new Map()
  const implied = registerFacts({ group: "county", ...zone })
  return factCatalogue.flatMap((d): FactInForce[] => {
    const r = stored.get(d.code)
    if (r) return [{ fact: d.code, name: factName(d.code), value: r.value, asOf: r.asOf, origin: "stored", recordedBy: r.recordedBy, evidence: r.evidence }]
    const v = implied[d.code]
    return v === undefined ? [] : [{ fact: d.code, name: factName(d.code), value: v, asOf: null, origin: "register", recordedBy: null, evidence: null }]
  })
}
