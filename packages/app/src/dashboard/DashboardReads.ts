/**
 * What the terminal dashboard reads besides results and judgements: the register at a glance (zones, regions,
 * indicators and the periods with data) and observations by zone, indicator and period, for its trends, totals and
 * analyses. Rankings, certification, stage, diagnosis and targets come from their own use cases.
 */

import type { IndicatorDefinition, Observation, Region, StoredCluster } from "@jiju/domain/model"
import { Clusters, Indicators, Observations, Regions, use } from "@jiju/store"
import * as Effect from "effect/Effect"
import { type Caller, requireRole } from "../Actor.js"

/** The register as the dashboard reads it once at start. */
export interface RegisterOverview {
  /** Zones not archived. */
  readonly clusters: ReadonlyArray<StoredCluster>
  readonly regions: ReadonlyArray<Region>
  readonly indicators: ReadonlyArray<IndicatorDefinition>
  /** Periods with observations, sorted. */
  readonly periods: ReadonlyArray<string>
}

/** Which observations to read (every filter optional; a range is inclusive and of one frequency). */
export interface ObservationFilter {
  readonly clusters?: ReadonlyArray<string> | undefined
  readonly indicators?: ReadonlyArray<string> | undefined
  readonly period?: string | undefined
  readonly from?: string | undefined
  readonly to?: string | undefined
}

/**
 * The register at a glance (admins and viewers: every zone's data).
 * @example const { clusters, periods } = yield* registerOverview(caller)
 */
export const registerOverview = (caller: Caller) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const [clusters, regions, indicators, periods] = yield* Effect.all([Clusters.list(), Regions.list(), Indicators.list(), Observations.periods()])
    return { clusters, regions, indicators, periods } satisfies RegisterOverview
  })

/**
 * Observations of zones (admins and viewers), filtered by zones, indicators and periods.
 * @example const rows = yield* zoneObservations(caller, { clusters: ["hb-qibin"], from: "2020", to: "2025" })
 */
export const zoneObservations = (caller: Caller, q: ObservationFilter) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin", "viewer")
    const rows: ReadonlyArray<Observation> = yield* Observations.query({
      ...(q.clusters ? { clusters: q.clusters } : {}),
      ...(q.indicators ? { indicators: q.indicators } : {}),
      ...(q.period !== undefined ? { period: q.period } : {}),
      ...(q.from !== undefined ? { from: q.from } : {}),
      ...(q.to !== undefined ? { to: q.to } : {}),
    })
    return rows
  })

/**
 * Where the data are: the engine and its location (a directory, or the database URL), for the status line.
 * @example const { engine, location } = yield* storeLocation()
 */
export const storeLocation = () => use(async (db) => ({ engine: db.engine, location: db.location }))
