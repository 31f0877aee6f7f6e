import * as Effect from "effect/Effect"
import { Forbidden, Unauthorized } from "./Failure.js"

/** The roles: admin (everything), submitter (its own zones' data), viewer (read). */
export type Role = "admin" | "submitter" | "viewer"

/** The three roles, for validation. */
export const roles: ReadonlyArray<Role> = ["admin", "submitter", "viewer"]

/**
 * Who acts: a signed-in user, an API token, or the operator at the machine (the `jiju` command line working on
 * the store directly, who holds every right the store's files give).
 */
export interface Actor {
  readonly kind: "user" | "token" | "operator"
  /** The account or token id (the operator's login name). */
  readonly id: string
  readonly name: string
  readonly role: Role
  /** The zones a submitter may write and read. */
  readonly clusterIds: ReadonlyArray<string>
}

/** A caller: an actor, or nobody (no credentials). */
export type Caller = Actor | undefined

/**
 * The operator at the machine, for commands that open the store directly.
 * @example operator("zhang").role // "admin"
 */
export const operator = (name: string): Actor => ({ kind: "operator", id: name, name, role: "admin", clusterIds: [] })

/**
 * The name written to the audit log: a token by its id (names of tokens need not be unique), others by name.
 * @example auditName({ kind: "token", id: "tok_1", name: "ci", role: "viewer", clusterIds: [] }) // "token:tok_1"
 */
export const auditName = (a: Actor): string => (a.kind === "token" ? `token:${a.id}` : `${a.kind}:${a.name}`)

const zhRole: Record<Role, string> = { admin: "管理员", submitter: "填报员", viewer: "查看者" }

/**
 * The caller, signed in with one of `allowed` roles (any role when none is given); Unauthorized or Forbidden
 * otherwise.
 * @example const who = yield* requireRole(caller, "admin")
 */
export const requireRole = (caller: Caller, ...allowed: ReadonlyArray<Role>): Effect.Effect<Actor, Unauthorized | Forbidden> => {
  if (!caller) return Effect.fail(new Unauthorized({ code: "unauthorized", en: "log in or send a bearer token", zh: "请先登录或提供访问令牌" }))
  if (allowed.length > 0 && !allowed.includes(caller.role))
    return Effect.fail(
      new Forbidden({
        code: "forbidden",
        en: `this needs the role ${allowed.join(" or ")}; you are ${caller.role}`,
        zh: `此操作需要${allowed.map((r) => zhRole[r]).join("或")}角色；当前为${zhRole[caller.role]}`,
      }),
    )
  return Effect.succeed(caller)
}

/**
 * Whether an actor may write (and read the drafts of) a zone: admins any, submitters their own.
 * @example mayWriteZone(operator("me"), "hb-qibin") // true
 */
export const mayWriteZone = (a: Actor, clusterId: string): boolean => a.role === "admin" || (a.role === "submitter" && a.clusterIds.includes(clusterId))

/**
 * Whether an actor may read a zone's data and unpublished results: admins and viewers any zone, submitters their own.
 * @example mayReadZone({ kind: "user", id: "u", name: "v", role: "viewer", clusterIds: [] }, "hb-qibin") // true
 */
export const mayReadZone = (a: Actor, clusterId: string): boolean => a.role !== "submitter" || a.clusterIds.includes(clusterId)

/**
 * The caller, allowed to write `clusterId`'s data (admins, or a submitter bound to it); Forbidden "other_cluster"
 * for another zone.
 * @example const who = yield* requireZoneWrite(caller, "hb-qibin")
 */
export const requireZoneWrite = (caller: Caller, clusterId: string) =>
  Effect.flatMap(requireRole(caller, "admin", "submitter"), (a) =>
    mayWriteZone(a, clusterId)
      ? Effect.succeed(a)
      : Effect.fail(
          new Forbidden({
            code: "other_cluster",
            en: `you may submit data only for ${a.clusterIds.join(", ") || "no zone"}, not ${clusterId}`,
            zh: `您只能为${a.clusterIds.join("、") || "（无）"}提交数据，不能为 ${clusterId} 提交`,
          }),
        ),
  )

/**
 * The caller, allowed to read `clusterId`'s data (any signed-in role; a submitter only its own zones).
 * @example const who = yield* requireZoneRead(caller, "hb-qibin")
 */
export const requireZoneRead = (caller: Caller, clusterId: string) =>
  Effect.flatMap(requireRole(caller), (a) =>
    mayReadZone(a, clusterId)
      ? Effect.succeed(a)
      : Effect.fail(new Forbidden({ code: "other_cluster", en: "you may read only your own zones' data", zh: "您只能查看本集聚区的数据" })),
  )

/**
 * The caller, allowed to ask a judgement about `clusterId` or, when none is named, about every zone: any signed-in
 * role, but a submitter only about one of its own zones, named (Forbidden "forbidden" otherwise).
 * @example const who = yield* requireZoneQuery(caller, q.cluster)
 */
export const requireZoneQuery = (caller: Caller, clusterId: string | undefined) =>
  Effect.flatMap(requireRole(caller), (a) =>
    a.role !== "submitter" || (clusterId !== undefined && a.clusterIds.includes(clusterId))
      ? Effect.succeed(a)
      : Effect.fail(
          new Forbidden({
            code: "forbidden",
            en: `a submitter may ask only about its own zones (${a.clusterIds.join(", ") || "none"}): give cluster=<one of them>`,
            zh: `填报员只能查询本集聚区（${a.clusterIds.join("、") || "无"}）：请用 cluster 参数指定`,
          }),
        ),
  )

/**
 * Whether a caller may read assessment results at all: signed-in callers always, anonymous ones only when the
 * deployment publishes results (JIJU_PUBLIC_RESULTS=1); Unauthorized otherwise.
 * @example yield* requireResultsReader(caller, config.publicResults)
 */
export const requireResultsReader = (caller: Caller, publicResults: boolean): Effect.Effect<Caller, Unauthorized | Forbidden> =>
  caller !== undefined || publicResults ? Effect.succeed(caller) : requireRole(caller)

/**
 * Whether a caller may read unpublished (draft) results: admins and viewers any, a submitter only about its own
 * zone (`clusterId`), anonymous callers never.
 * @example mayReadDrafts(caller, "hb-qibin")
 */
export const mayReadDrafts = (caller: Caller, clusterId?: string): boolean =>
  caller !== undefined && (caller.role !== "submitter" || (clusterId !== undefined && caller.clusterIds.includes(clusterId)))
