/** Use cases of the regions of the GB/T 2260 hierarchy: list, read, create, replace, archive and bring back. */

import type { Region, RegionLevel } from "@jiju/domain/model"
import { Regions } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { notFound } from "../Failure.js"
import { type PageRequest, paginate } from "../Paging.js"
import { idMismatch } from "./idMismatch.js"
import { registerFailure, versionFrom } from "./Versioned.js"

/** Filters of the region list. */
export interface RegionListRequest extends PageRequest {
  readonly level?: RegionLevel | undefined
  readonly parent?: string | undefined
  readonly archived?: "exclude" | "include" | "only" | undefined
}

/**
 * Every region that passes the filters, parents before children (by code); any signed-in role.
 * @example const counties = yield* allRegions(caller, { parent: "410600" })
 */
export const allRegions = (caller: Caller, f: Omit<RegionListRequest, keyof PageRequest> = {}) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    return yield* Regions.list({
      ...(f.level ? { level: f.level } : {}),
      ...(f.parent ? { parent: f.parent } : {}),
      ...(f.archived ? { archived: f.archived } : {}),
    })
  })

/**
 * A page of regions (any signed-in role).
 * @example const page = yield* listRegions(caller, { level: "prefecture", limit: 20 })
 */
export const listRegions = (caller: Caller, q: RegionListRequest) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    const all = yield* Regions.list({
      ...(q.level ? { level: q.level } : {}),
      ...(q.parent ? { parent: q.parent } : {}),
      ...(q.archived ? { archived: q.archived } : {}),
    })
    return yield* attempt(() => paginate(all, q, { id: (r) => r.code, text: (r) => [r.code, r.name, r.nameEn], fields: ["code", "name", "level"] }))
  })

/**
 * One region, archived or not (any signed-in role); NotFound when unknown.
 * @example const region = yield* getRegion(caller, "410000")
 */
export const getRegion = (caller: Caller, code: string) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    const region = yield* Regions.get(code)
    return region ?? (yield* Effect.fail(notFound("region", code)))
  })

/**
 * Add a region (admins), audited. InputError "duplicate_id" or "unknown_region" (a parent the register lacks).
 * @example yield* createRegion(caller, { code: "410100", name: "郑州市", level: "prefecture", parent: "410000", macroZone: "central", isDistrict: false })
 */
export const createRegion = (caller: Caller, region: Region) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    return yield* Regions.create(region, auditName(who))
  })

/**
 * Replace a region (admins) under If-Match: the caller names the version it read; audited with both images.
 * @example yield* replaceRegion(caller, "410000", region, '"v1"')
 */
export const replaceRegion = (caller: Caller, code: string, region: Region, ifMatch: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    if (region.code !== code) return yield* Effect.fail(idMismatch("code", region.code, code))
    const version = yield* versionFrom(ifMatch)
    return yield* Regions.update(region, version, auditName(who)).pipe(Effect.catchTag("InputError", registerFailure("region", code)))
  })

/**
 * Archive a region (true) or bring it back (false), admins, under If-Match. An archived region stays with what
 * refers to it; lists leave it out unless asked.
 * @example yield* archiveRegion(caller, "419001", true, '"v2"')
 */
export const archiveRegion = (caller: Caller, code: string, archived: boolean, ifMatch: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const version = yield* versionFrom(ifMatch)
    return yield* Regions.setArchived(code, archived, version, auditName(who)).pipe(Effect.catchTag("InputError", registerFailure("region", code)))
  })
