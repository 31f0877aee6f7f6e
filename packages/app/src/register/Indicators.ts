/** Use cases of the indicator catalogue: list, read, add, replace, archive and bring back. */

import type { IndicatorDefinition, StoredIndicator, Subsystem } from "@jiju/domain/model"
import { Indicators } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { notFound } from "../Failure.js"
import { type PageRequest, paginate } from "../Paging.js"
import { invalidateCatalogue } from "./IndicatorCatalogue.js"
import { idMismatch } from "./idMismatch.js"
import { registerFailure, versionFrom } from "./Versioned.js"

/** Filters of the indicator list. */
export interface IndicatorFilter {
  readonly subsystem?: Subsystem | undefined
  readonly archived?: "exclude" | "include" | "only" | undefined
}

/**
 * Every indicator of the catalogue that passes the filters, by code (any signed-in role).
 * @example const defs = yield* allIndicators(caller, { subsystem: "finance" })
 */
export const allIndicators = (caller: Caller, f: IndicatorFilter = {}) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    return yield* Indicators.list({ ...(f.subsystem ? { subsystem: f.subsystem } : {}), ...(f.archived ? { archived: f.archived } : {}) })
  })

/**
 * A page of the catalogue (any signed-in role).
 * @example const page = yield* listIndicators(caller, { subsystem: "finance", limit: 500 })
 */
export const listIndicators = (caller: Caller, q: IndicatorFilter & PageRequest) =>
  Effect.flatMap(allIndicators(caller, q), (all) =>
    attempt(() => paginate(all, q, { id: (i) => i.code, text: (i) => [i.code, i.zh, i.en], fields: ["code", "subsystem", "zh", "en"] })),
  )

/**
 * One indicator, archived or not (any signed-in role); NotFound when unknown.
 * @example const def = yield* getIndicator(caller, "revenue")
 */
export const getIndicator = (caller: Caller, code: string) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    const def = yield* Indicators.get(code)
    return def ?? (yield* Effect.fail(notFound("indicator", code)))
  })

/**
 * Add an indicator (admins), audited. InputError "duplicate_id" when the code exists.
 * @example yield* createIndicator(caller, { code: "zz_test", zh: "测试", en: "Test", unit: "个", unitEn: "items", direction: "positive", subsystem: "scale", frequency: "year", allowNegative: false })
 */
export const createIndicator = (caller: Caller, def: IndicatorDefinition) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const created: StoredIndicator = yield* Indicators.create(def, auditName(who))
    yield* invalidateCatalogue
    return created
  })

/**
 * Replace an indicator (admins) under If-Match; audited with both images. Submissions see the change at once.
 * @example yield* replaceIndicator(caller, "revenue", def, '"v1"')
 */
export const replaceIndicator = (caller: Caller, code: string, def: IndicatorDefinition, ifMatch: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    if (def.code !== code) return yield* Effect.fail(idMismatch("code", def.code, code))
    const version = yield* versionFrom(ifMatch)
    const saved: StoredIndicator = yield* Indicators.update(def, version, auditName(who)).pipe(
      Effect.catchTag("InputError", registerFailure("indicator", code)),
    )
    yield* invalidateCatalogue
    return saved
  })

/**
 * Archive an indicator (true: it keeps its values and takes no new ones) or bring it back (false), admins, under
 * If-Match.
 * @example yield* archiveIndicator(caller, "patents_granted", true, '"v1"')
 */
export const archiveIndicator = (caller: Caller, code: string, archived: boolean, ifMatch: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const version = yield* versionFrom(ifMatch)
    const saved: StoredIndicator = yield* Indicators.setArchived(code, archived, version, auditName(who)).pipe(
      Effect.catchTag("InputError", registerFailure("indicator", code)),
    )
    yield* invalidateCatalogue
    return saved
  })
