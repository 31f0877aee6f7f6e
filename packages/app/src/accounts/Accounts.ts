/** Use cases of accounts and bearer tokens (admins; the operator at the command line). */

import type { NewToken, NewTokenSecret, NewUser, Role, TokenInfo, UserAccount } from "@jiju/domain/contract"
import { InputError } from "@jiju/domain/model"
import { AccessTokens, Accounts, Audit, Clusters, transaction } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { Conflict, NotFound } from "../Failure.js"
import { TokenCache } from "./Credentials.js"

/**
 * A submitter is bound to one zone at least, other roles to none (InputError "cluster_binding"); every zone named
 * must be in the register (InputError "unknown_cluster").
 */
const checkBinding = (role: Role, clusterIds: ReadonlyArray<string>) =>
  Effect.gen(function* () {
    if ((role === "submitter") !== clusterIds.length > 0) {
      const en = "a submitter must be bound to at least one cluster; other roles to none"
      const zh = "填报员须绑定至少一个集聚区；其他角色不绑定集聚区"
      return yield* Effect.fail(new InputError({ code: "cluster_binding", message: en, zh, issues: [{ column: "cluster_ids", value: clusterIds, en, zh }] }))
    }
    for (const id of clusterIds)
      if (!(yield* Clusters.get(id))) {
        const en = `no cluster "${id}" in the register`
        const zh = `名录中没有集聚区“${id}”`
        return yield* Effect.fail(new InputError({ code: "unknown_cluster", message: en, zh, issues: [{ column: "cluster_ids", value: id, en, zh }] }))
      }
  })

/**
 * Every account, by name (admins).
 * @example const { items } = yield* listUsers(caller)
 */
export const listUsers = (caller: Caller) =>
  Effect.gen(function* () {
    yield* requireRole(caller, "admin")
    const items: ReadonlyArray<UserAccount> = yield* Accounts.list()
    return { items }
  })

/**
 * Create an account (admins), audited; the password is stored as a scrypt hash. Conflict "duplicate_user" when the
 * name is taken.
 * @example const user = yield* createUser(caller, { name: "li.si", role: "viewer", password: "a-long-password" })
 */
export const createUser = (caller: Caller, input: NewUser) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const clusterIds = input.clusterIds ?? []
    yield* checkBinding(input.role, clusterIds)
    return yield* transaction(
      Effect.gen(function* () {
        if (yield* Accounts.byName(input.name))
          return yield* Effect.fail(new Conflict({ code: "duplicate_user", en: `a user named "${input.name}" exists`, zh: `用户“${input.name}”已存在` }))
        const user: UserAccount = yield* Accounts.create({ name: input.name, role: input.role, password: input.password, clusterIds })
        yield* Audit.record({ actor: auditName(who), entity: "user", entityId: user.id, action: "create", before: null, after: user })
        return user
      }),
    )
  })

/**
 * Mint a bearer token (admins), audited (without its secret). The secret ("jjt_…") is in the answer and nowhere
 * else: the store keeps its sha256 hash.
 * @example const { token } = yield* createToken(caller, { role: "submitter", clusterIds: ["hb-qibin"] })
 */
export const createToken = (caller: Caller, input: NewToken) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    const clusterIds = input.clusterIds ?? []
    yield* checkBinding(input.role, clusterIds)
    return yield* transaction(
      Effect.gen(function* () {
        const made: NewTokenSecret = yield* AccessTokens.create({ role: input.role, clusterIds, ...(input.name ? { name: input.name } : {}) })
        const { token: _secret, ...info } = made
        const shown: TokenInfo = info
        yield* Audit.record({ actor: auditName(who), entity: "token", entityId: made.id, action: "create", before: null, after: shown })
        return made
      }),
    )
  })

/**
 * Revoke a token (admins), audited; this process forgets it at once, others within seconds. NotFound
 * "unknown_token" when no active token has the id.
 * @example yield* revokeToken(caller, "tok_…")
 */
export const revokeToken = (caller: Caller, id: string) =>
  Effect.gen(function* () {
    const who = yield* requireRole(caller, "admin")
    if (!(yield* AccessTokens.revoke(id)))
      return yield* Effect.fail(new NotFound({ code: "unknown_token", en: `no active token with id "${id}"`, zh: `没有编号为“${id}”的有效令牌` }))
    ;(yield* TokenCache).clear()
    yield* Audit.record({ actor: auditName(who), entity: "token", entityId: id, action: "revoke", before: null, after: null })
  })
