/**
 * Use cases of what projects are checked against: a zone's sub-areas with their admission rules (seed 002 篇5 一:
 * 南区…西区…, configured per zone, each rule naming its source) and the enterprise register of firms with their
 * 龙/鹰 list memberships (seed 003 四(四)) and 500强 standing. Reading needs sign-in; changing is for admins, audited.
 */

import type { Firm, FirmLists, ZoneArea } from "@jiju/domain/projects"
import { Audit, Clusters, Firms, transaction, ZoneAreas } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { Conflict, notFound } from "../Failure.js"
import { idMismatch } from "../register/idMismatch.js"

/**
 * The sub-areas of a zone with their admission rules (any signed-in role); NotFound for an unknown zone.
 * @example const { items } = yield* zoneAreas(caller, "hb-liyang")
 */
export const zoneAreas = (caller: Caller, cluster: string) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    if (!(yield* Clusters.get(cluster))) return yield* Effect.fail(notFound("cluster", cluster))
    return { items: yield* ZoneAreas.list(cluster) }
  })

/**
 * Add or replace a sub-area of a zone and its admission rules (admins), audited with both images. Projects already
 * entered keep the admission check they were entered with; the new rules apply to projects entered from now on.
 * @example yield* saveZoneArea(caller, "hb-liyang", "south", southAreaExample)
 */
export const saveZoneArea = (caller: Caller, cluster: string, code: string, area: ZoneArea) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    if (area.code !== code) return yield* Effect.fail(idMismatch("code", area.code, code))
    return yield* transaction(
      Effect.gen(function* () {
        if (!(yield* Clusters.get(cluster))) return yield* Effect.fail(notFound("cluster", cluster))
        const before = yield* ZoneAreas.lock(cluster, code)
        const saved = before ? yield* ZoneAreas.update(cluster, area) : yield* ZoneAreas.insert(cluster, area)
        yield* Audit.record({
          actor: auditName(who),
          entity: "zone_area",
          entityId: `${cluster}/${code}`,
          action: before ? "replace" : "create",
          before: before ?? null,
          after: saved,
        })
        return saved
      }),
    )
  })

/**
 * The enterprise register (any signed-in role), of one zone (with the investors from elsewhere) when named.
 * @example const { items } = yield* listFirms(caller, { cluster: "hb-liyang" })
 */
export const listFirms = (caller: Caller, q: { readonly cluster?: string | undefined } = {}) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    return { items: yield* Firms.list(q.cluster === undefined ? {} : { clusters: [q.cluster], withoutZone: true }) }
  })

/**
 * Add a firm to the enterprise register (admins), audited; Conflict "duplicate_id" when its id is taken, NotFound
 * for an unknown zone.
 * @example yield* createFirm(caller, { id: "f-zhongke", name: "中科电子", cluster: null, industry: "电子信息", size: "large", fortune500: null, isDemo: false })
 */
export const createFirm = (caller: Caller, firm: Firm) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    return yield* transaction(
      Effect.gen(function* () {
        if (firm.cluster !== null && !(yield* Clusters.get(firm.cluster))) return yield* Effect.fail(notFound("cluster", firm.cluster))
        if (yield* Firms.lock(firm.id))
          return yield* Effect.fail(new Conflict({ code: "duplicate_id", en: `a firm "${firm.id}" is already registered`, zh: `企业编号“${firm.id}”已存在` }))
        const saved = yield* Firms.insert(firm)
        yield* Audit.record({ actor: auditName(who), entity: "firm", entityId: firm.id, action: "create", before: null, after: saved })
        return saved
      }),
    )
  })

/**
 * Set a firm's 龙/鹰 list memberships (培龙育鹰, seed 003 四(四)), each with its year, criteria and source (admins),
 * audited with both images.
 * @example yield* setFirmLists(caller, "f-zhongke", { memberships: [{ list: "dragon", year: 2025, criteria: ["六好"], source }] })
 */
export const setFirmLists = (caller: Caller, id: string, lists: FirmLists) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    return yield* transaction(
      Effect.gen(function* () {
        const before = yield* Firms.lock(id)
        if (!before) return yield* Effect.fail(notFound("firm", id))
        const saved = yield* Firms.setMemberships(id, lists.memberships)
        yield* Audit.record({
          actor: auditName(who),
          entity: "firm",
          entityId: id,
          action: "lists",
          before: { memberships: before.memberships },
          after: { memberships: saved.memberships },
        })
        return saved
      }),
    )
  })
