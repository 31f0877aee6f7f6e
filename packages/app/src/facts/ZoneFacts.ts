/**
 * Use cases of zone facts: read a zone's facts (in force on a day, with their history and proposals), record facts
 * (an admin's are accepted, a zone committee's are proposals for its own zone), decide proposals, import a facts
 * file all or nothing, and the catalogue.
 */

import {
  type AllFactsDocument,
  type FactDecisionDocument,
  type FactImportReceipt,
  type FactProposalsDocument,
  type FactStatus,
  type FactsRecordedDocument,
  factCatalogueDocument,
  factProblems,
  factsInForce,
  invalidFact,
  isIsoDate,
  type NewZoneFact,
  parseFactTable,
  type ZoneFactsDocument,
} from "@jiju/domain/assessment"
import { readTable } from "@jiju/domain/io"
import { InputError } from "@jiju/domain/model"
import { Audit, Clusters, transaction, ZoneFacts } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole, requireZoneRead, requireZoneWrite } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { attempt } from "../Attempt.js"
import { Conflict, notFound } from "../Failure.js"

const today = (now: Date) => now.toISOString().slice(0, 10)

const asOfOption = (asOf: string | undefined, now: Date) =>
  attempt(() => {
    if (asOf === undefined) return today(now)
    if (isIsoDate(asOf)) return asOf
    const en = `as_of must be a date YYYY-MM-DD; got "${asOf}"`
    const zh = `as_of 应为日期 YYYY-MM-DD；收到“${asOf}”`
    throw new InputError({ code: "bad_option", message: en, zh, issues: [{ column: "as_of", value: asOf, en, zh }] })
  })

/**
 * The facts catalogue (any signed-in role): each fact's type, unit and the rule that asks for it.
 * @example const { items } = yield* factCatalogueOf(caller)
 */
export const factCatalogueOf = (caller: Caller) => Effect.map(requireRole(caller), () => factCatalogueDocument())

/**
 * One zone's facts in force on a day (default today), every accepted record and the proposals (admins and viewers;
 * a submitter its own zone). NotFound for an unknown zone; InputError "bad_option" for a date that is not a day.
 * @example const doc = yield* zoneFactsOf(caller, "hb-qibin", { asOf: "2025-12-31" })
 */
export const zoneFactsOf = (caller: Caller, clusterId: string, q: { readonly asOf?: string | undefined } = {}) =>
  Effect.gen(function* () {
    yield* requireZoneRead(caller, clusterId)
    const zone = yield* Clusters.get(clusterId)
    if (!zone) return yield* Effect.fail(notFound("cluster", clusterId))
    const asOf = yield* asOfOption(q.asOf, (yield* AppConfig).now())
    const records = yield* ZoneFacts.list({ cluster: clusterId })
    return {
      cluster: zone.id,
      name: zone.name,
      asOf,
      inForce: factsInForce(zone, records, asOf),
      records: records.filter((r) => r.status === "accepted"),
      proposals: records.filter((r) => r.status !== "accepted"),
      demo: zone.isDemo || records.some((r) => r.isDemo),
    } satisfies ZoneFactsDocument
  })

/**
 * Every zone's facts in force on a day (admins and viewers), with the number of proposals waiting.
 * @example const doc = yield* allZoneFacts(caller, { asOf: "2025-12-31" })
 */
export const allZoneFacts = (caller: Caller, q: { readonly asOf?: string | undefined } = {}) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const asOf = yield* asOfOption(q.asOf, (yield* AppConfig).now())
    const [zones, records] = yield* Effect.all([Clusters.list(), ZoneFacts.list()])
    return {
      asOf,
      zones: zones.map((z) => ({ cluster: z.id, name: z.name, inForce: factsInForce(z, records, asOf) })),
      waiting: records.filter((r) => r.status === "proposed").length,
      demo: zones.some((z) => z.isDemo) || records.some((r) => r.isDemo),
    } satisfies AllFactsDocument
  })

/**
 * Record facts about one zone: an admin's are accepted (replacing an accepted record of the same fact and day), a
 * zone committee's (a submitter of that zone) are proposals an admin decides. Every fact is checked first (InputError
 * "invalid_fact" naming `facts.N.field`), then all are written in one transaction with their audit entries; nothing
 * is written when one is bad. NotFound for an unknown zone, Conflict "cluster_archived" for an archived one.
 * @example yield* recordZoneFacts(caller, "hb-qibin", [{ fact: "sewage_plant", value: true, asOf: "2024-06-30", evidence: "验收报告" }])
 */
export const recordZoneFacts = (caller: Caller, clusterId: string, facts: ReadonlyArray<NewZoneFact>) =>
  Effect.gen(function* () {
    const who = yield* requireZoneWrite(caller, clusterId)
    const problems = facts.flatMap((f, i) => {
      const e = invalidFact(factProblems(f), { prefix: `facts.${i}.` })
      return e?.issues ?? []
    })
    if (facts.length === 0)
      return yield* Effect.fail(
        new InputError({
          code: "invalid_fact",
          message: "no facts to record",
          zh: "没有要记录的事实",
          issues: [{ column: "facts", en: "no facts to record", zh: "没有要记录的事实" }],
        }),
      )
    if (problems.length > 0)
      return yield* Effect.fail(
        new InputError({
          code: "invalid_fact",
          message: problems.map((p) => `${p.column}: ${p.en}`).join("; "),
          zh: problems.map((p) => `${p.column}：${p.zh}`).join("；"),
          issues: problems,
        }),
      )
    const status = who.role === "admin" ? "accepted" : "proposed"
    const actor = auditName(who)
    const at = (yield* AppConfig).now().toISOString()
    return yield* transaction(
      Effect.gen(function* () {
        const zone = yield* Clusters.get(clusterId)
        if (!zone) return yield* Effect.fail(notFound("cluster", clusterId))
        if (zone.archivedAt !== null)
          return yield* Effect.fail(
            new Conflict({ code: "cluster_archived", en: `${clusterId} is archived and takes no new facts`, zh: `${clusterId} 已归档，不再接受新的事实` }),
          )
        const writes = yield* ZoneFacts.record(
          facts.map((f) => ({ ...f, cluster: clusterId })),
          actor,
          status,
          at,
        )
        for (const w of writes)
          yield* Audit.record({
            actor,
            entity: "zone_fact",
            entityId: `${clusterId}/${w.record.fact}/${w.record.asOf}`,
            action: status === "accepted" ? "record" : "propose",
            before: w.replaced,
            after: w.record,
          })
        return {
          cluster: clusterId,
          status,
          records: writes.map((w) => w.record),
          replaced: writes.flatMap((w) => (w.replaced ? [w.replaced] : [])),
        } satisfies FactsRecordedDocument
      }),
    )
  })

/**
 * The fact records of one status, proposals by default (admins).
 * @example const { items } = yield* factProposals(caller)
 */
export const factProposals = (caller: Caller, q: { readonly status?: FactStatus | undefined } = {}) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    const status = q.status ?? "proposed"
    return { status, items: yield* ZoneFacts.list({ status }) } satisfies FactProposalsDocument
  })

/**
 * Accept or reject a zone committee's proposal (admins), with a note, in one transaction with its audit entry.
 * NotFound for an unknown record; Conflict "not_proposed" for one already decided.
 * @example yield* decideFactProposal(caller, "fact_abc", { accept: true, note: "与规划批复一致" })
 */
export const decideFactProposal = (caller: Caller, id: string, d: { readonly accept: boolean; readonly note?: string | null | undefined }) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const actor = auditName(who)
    const at = (yield* AppConfig).now().toISOString()
    return yield* transaction(
      Effect.gen(function* () {
        const before = yield* ZoneFacts.get(id)
        if (!before) return yield* Effect.fail(notFound("fact", id))
        if (before.status !== "proposed")
          return yield* Effect.fail(
            new Conflict({
              code: "not_proposed",
              en: `fact record ${id} is ${before.status}, not waiting for a decision`,
              zh: `事实记录 ${id} 的状态为 ${before.status}，不是待决定的提议`,
            }),
          )
        const w = yield* ZoneFacts.decide(id, d.accept, actor, d.note ?? null, at)
        yield* Audit.record({ actor, entity: "zone_fact", entityId: id, action: d.accept ? "accept" : "reject", before, after: w.record })
        return { record: w.record, replaced: w.replaced } satisfies FactDecisionDocument
      }),
    )
  })

/**
 * Import a facts file (CSV or XLSX: cluster, fact, value, as_of [, evidence]) as accepted records (admins; the
 * operator). Every row is checked against the register and the catalogue first; any bad row refuses the whole
 * file (InputError "invalid_rows" naming row, column, value and reason in both languages) and nothing is written.
 * @example const receipt = yield* importZoneFacts(caller, { bytes, fileName: "facts.csv" })
 */
export const importZoneFacts = (caller: Caller, file: { readonly bytes: Uint8Array; readonly fileName: string }) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const actor = auditName(who)
    const at = (yield* AppConfig).now().toISOString()
    const zones = yield* Clusters.list({ archived: "exclude" })
    const rows = yield* attempt(() => parseFactTable(readTable(file.bytes, file.fileName), file.fileName, new Set(zones.map((z) => z.id as string))))
    return yield* transaction(
      Effect.gen(function* () {
        const writes = yield* ZoneFacts.record(
          rows.map(({ row: _row, ...f }) => f),
          actor,
          "accepted",
          at,
        )
        const receipt: FactImportReceipt = { imported: writes.length, file: file.fileName, replaced: writes.filter((w) => w.replaced !== null).length }
        yield* Audit.record({ actor, entity: "import", entityId: `facts:${file.fileName}`, action: "import_facts", before: null, after: receipt })
        return receipt
      }),
    )
  })
