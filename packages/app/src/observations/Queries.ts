/** Use cases that read observations: a zone's series, and queries across zones in pages. */

import type { ObservationQuery, SeriesQuery } from "@jiju/domain/contract"
import { type ClusterId, inputError, type Observation } from "@jiju/domain/model"
import { type ObservationKey, Observations } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, mayReadZone, requireRole, requireZoneRead } from "../Actor.js"
import { Forbidden } from "../Failure.js"
import type { Page } from "../Paging.js"

const list = (s: string | undefined): ReadonlyArray<string> | undefined => {
  const items = s
    ?.split(",")
    .map((x) => x.trim())
    .filter(Boolean)
  return items && items.length > 0 ? items : undefined
}

const filters = (q: SeriesQuery) => {
  const indicators = list(q.indicators)
  return {
    ...(indicators ? { indicators } : {}),
    ...(q.period ? { period: q.period } : {}),
    ...(q.from ? { from: q.from } : {}),
    ...(q.to ? { to: q.to } : {}),
  }
}

/**
 * A zone's observations (admins and viewers any zone, submitters their own), ordered by indicator and period.
 * @example const { items } = yield* clusterSeries(caller, "hb-qibin", { indicators: "revenue,firms", from: "2015", to: "2025" })
 */
export const clusterSeries = (caller: Caller, id: string, q: SeriesQuery = {}) =>
  Effect.gen(function* () {
    yield* requireZoneRead(caller, id)
    return { items: yield* Observations.query({ target: { kind: "cluster", id: id as ClusterId }, ...filters(q) }) }
  })

const encodeCursor = (k: ObservationKey) => Buffer.from(JSON.stringify([k.kind, k.id, k.indicator, k.period])).toString("base64url")
const decodeCursor = (cursor: string): ObservationKey => {
  try {
    const k = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown
    if (Array.isArray(k) && k.length === 4 && k.every((x) => typeof x === "string"))
      return { kind: k[0] as string, id: k[1] as string, indicator: k[2] as string, period: k[3] as string }
  } catch {
    // answered below
  }
  throw inputError("bad_cursor", "the cursor is not one this API issued", "分页游标无效", { column: "cursor", value: cursor })
}

/** The default and largest page of {@link queryObservations}. */
export const observationPage = { default: 1_000, max: 10_000 } as const

/**
 * Observations by zones, indicators and periods, in pages (by target, indicator, period; `next_cursor` gives the
 * next). Admins and viewers read any zone; a submitter only its own zones (its zones when none are named; another's
 * is Forbidden).
 * @example const page = yield* queryObservations(caller, { clusters: "hb-qibin", from: "2015", to: "2025", limit: 500 })
 */
export const queryObservations = (caller: Caller, q: ObservationQuery) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller)
    let clusters = list(q.clusters)
    if (who.role === "submitter") {
      if (clusters?.some((c) => !mayReadZone(who, c)))
        return yield* Effect.fail(new Forbidden({ code: "other_cluster", en: "you may read only your own zones' data", zh: "您只能查看本集聚区的数据" }))
      clusters ??= who.clusterIds
    }
    const after = q.cursor ? yield* Effect.try({ try: () => decodeCursor(q.cursor!), catch: (e) => e as ReturnType<typeof inputError> }) : undefined
    const limit = Math.min(observationPage.max, q.limit ?? observationPage.default)
    const page = yield* Observations.page({ ...(clusters ? { clusters } : {}), ...filters(q) }, limit, after)
    const out: Page<Observation> = { items: page.items, total: page.total, nextCursor: page.next ? encodeCursor(page.next) : null }
    return out
  })
