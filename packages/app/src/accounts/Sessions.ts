/** Use cases of sessions: sign in (with lock-out), sign out, who am I. */

import type { Login, Me, UserAccount } from "@jiju/domain/contract"
import { Accounts, Audit, backoff } from "@jiju/store"
import * as Effect from "effect/Effect"
import { auditName, type Caller, requireRole } from "../Actor.js"
import { AppConfig } from "../AppConfig.js"
import { Throttled, Unauthorized } from "../Failure.js"

/** A new session: the account, the session's secret (the cookie's value) and when it ends. */
export interface SignedIn {
  readonly user: UserAccount
  readonly session: string
  readonly expiresAt: Date
}

/**
 * Sign in with a name and password, from an address (for the audit). Every attempt is audited, failures included.
 * After five failures from one address on one name, that pair waits (1, 2, 4, 8, then 15 minutes; Throttled
 * "sign_in_throttled", even for the right password); other addresses are not affected. A wrong name or password is
 * Unauthorized "bad_credentials"; an unknown name is counted and answered exactly like a known one and takes as long.
 * @example const { user, session } = yield* login("127.0.0.1", { name: "zhang", password: "…" })
 */
export const login = (address: string, input: Login) =>
  Effect.gen(function* () {
    const out = yield* Accounts.login(input.name, input.password, address)
    yield* Audit.record({
      actor: `ip:${address}`,
      entity: "session",
      entityId: input.name,
      action: out.ok ? "login" : out.reason === "throttled" ? "login_throttled" : "login_failed",
      before: null,
      after: out.ok ? { user: out.user.id } : null,
    })
    if (out.ok) {
      const signedIn: SignedIn = { user: out.user, session: out.session, expiresAt: out.expiresAt }
      return signedIn
    }
    if (out.reason === "throttled") {
      const now = (yield* AppConfig).now()
      const until = out.until.toISOString()
      return yield* Effect.fail(
        new Throttled({
          code: "sign_in_throttled",
          en: `too many failed sign-ins from this address (${backoff.attempts} or more); try again after ${until}`,
          zh: `此地址登录失败次数过多（${backoff.attempts} 次以上），请于 ${until} 后再试`,
          retryAfter: Math.max(1, Math.ceil((out.until.getTime() - now.getTime()) / 1000)),
        }),
      )
    }
    return yield* Effect.fail(new Unauthorized({ code: "bad_credentials", en: "wrong name or password", zh: "用户名或密码错误" }))
  })

/**
 * End a session (the cookie's secret, when there is one); a signed-in caller's sign-out is audited.
 * @example yield* logout(caller, cookie)
 */
export const logout = (caller: Caller, secret: string | undefined) =>
  Effect.gen(function* () {
    if (secret) yield* Accounts.logout(secret)
    if (caller) yield* Audit.record({ actor: auditName(caller), entity: "session", entityId: caller.name, action: "logout", before: null, after: null })
  })

/**
 * Who is calling (any signed-in caller).
 * @example const { role } = yield* me(caller)
 */
export const me = (caller: Caller) =>
  Effect.map(requireRole(caller), (who): Me => ({ kind: who.kind, name: who.name, role: who.role, clusterIds: who.clusterIds }))
