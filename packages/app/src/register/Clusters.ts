/** Use cases of the register of cluster zones: list, read, register, replace, archive, bring back, history. */

import type { Cluster, ClusterKind, ClusterLevel, RankingGroup, StoredCluster } from "@jiju/domain/model"
import { Audit, Clusters } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { attempt } from "../Attempt.js"
import { notFound } from "../Failure.js"
import { type PageRequest, paginate } from "../Paging.js"
import { idMismatch } from "./idMismatch.js"
import { registerFailure, versionFrom } from "./Versioned.js"

/** Filters of the zone list. */
export interface ClusterFilter {
  /** A region code: zones in it and in the regions below it. */
  readonly region?: string | undefined
  readonly kind?: ClusterKind | undefined
  readonly group?: RankingGroup | undefined
  readonly level?: ClusterLevel | undefined
  readonly archived?: "exclude" | "include" | "only" | undefined
}

/**
 * Every zone that passes the filters, in the register's order (region, then id); any signed-in role.
 * @example const zones = yield* allClusters(caller, { region: "410600" })
 */
export const allClusters = (caller: Caller, f: ClusterFilter = {}) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    return yield* Clusters.list({
      ...(f.region ? { region: f.region } : {}),
      ...(f.kind ? { kind: f.kind } : {}),
      ...(f.group ? { group: f.group } : {}),
      ...(f.level ? { level: f.level } : {}),
      ...(f.archived ? { archived: f.archived } : {}),
    })
  })

/**
 * A page of zones (any signed-in role), sorted by id unless asked otherwise.
 * @example const page = yield* listClusters(caller, { group: "county", sort: "-planned_area", limit: 20 })
 */
export const listClusters = (caller: Caller, q: ClusterFilter & PageRequest) =>
  Effect.flatMap(allClusters(caller, q), (all) =>
    attempt(() =>
      paginate(all, q, {
        id: (c) => c.id,
        text: (c) => [c.id, c.name, c.nameEn],
        fields: ["id", "name", "region", "plannedArea", "level", "group", "kind"],
      }),
    ),
  )

/**
 * One zone, archived or not (any signed-in role); NotFound when unknown.
 * @example const zone = yield* getCluster(caller, "hb-qibin")
 */
export const getCluster = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    yield* requireRole(caller)
    const zone = yield* Clusters.get(id)
    return zone ?? (yield* Effect.fail(notFound("cluster", id)))
  })

/**
 * Register a zone (admins), audited. InputError "duplicate_id", or "unknown_region" for a region the register lacks.
 * @example yield* createCluster(caller, zone)
 */
export const createCluster = (caller: Caller, zone: Cluster) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const created: StoredCluster = yield* Clusters.create(zone, auditName(who))
    return created
  })

/**
 * Replace a zone (admins) under If-Match; audited with both images.
 * @example yield* replaceCluster(caller, "hb-qibin", zone, '"v2"')
 */
export const replaceCluster = (caller: Caller, id: string, zone: Cluster, ifMatch: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    if (zone.id !== id) return yield* Effect.fail(idMismatch("id", zone.id, id))
    const version = yield* versionFrom(ifMatch)
    const saved: StoredCluster = yield* Clusters.update(zone, version, auditName(who)).pipe(Effect.catchTag("InputError", registerFailure("cluster", id)))
    return saved
  })

/**
 * Archive a zone (true: kept with its data, out of rankings and lists, closed to new values) or bring it back
 * (false), admins, under If-Match.
 * @example yield* archiveCluster(caller, "hb-qibin", true, '"v3"')
 */
export const archiveCluster = (caller: Caller, id: string, archived: boolean, ifMatch: string | undefined) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const version = yield* versionFrom(ifMatch)
    const change = archived ? Clusters.archive(id, version, auditName(who)) : Clusters.unarchive(id, version, auditName(who))
    const saved: StoredCluster = yield* change.pipe(Effect.catchTag("InputError", registerFailure("cluster", id)))
    return saved
  })

/**
 * The audit trail of a zone, oldest first (admins).
 * @example const { items } = yield* clusterHistory(caller, "hb-qibin")
 */
export const clusterHistory = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    return { items: yield* Audit.history("cluster", id) }
  })
