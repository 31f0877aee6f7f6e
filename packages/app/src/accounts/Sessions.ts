/** Use cases of sessions: sign in (with lock-out), sign out, who am I. */

import type { Login, Me, UserAccount } from "@jiju/domain/contract"
import { Accounts, Audit, lockout } from "@jiju/store"
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
 * Five failures in a row lock the account for fifteen minutes (Throttled "account_locked", even for the right
 * password); a wrong name or password is Unauthorized "bad_credentials" (an unknown name fails the same way and
 * takes as long, so that names cannot be probed).
 * @example const { user, session } = yield* login("127.0.0.1", { name: "zhang", password: "…" })
 */
export const login = (address: string, input: Login) =>
  Effect.gen(function* () {
    const out = yield* Accounts.login(input.name, input.password)
    yield* Audit.record({
      actor: `ip:${address}`,
      entity: "session",
      entityId: input.name,
      action: out.ok ? "login" : out.reason === "locked" ? "login_locked" : "login_failed",
      before: null,
      after: out.ok ? { user: out.user.id } : null,
    })
    if (out.ok) {
      const signedIn: SignedIn = { user: out.user, session: out.session, expiresAt: out.expiresAt }
      return signedIn
    }
    if (out.reason === "locked") {
      const now = (yield* AppConfig).now()
      const until = out.until.toISOString()
      return yield* Effect.fail(
        new Throttled({
          code: "account_locked",
          en: `too many failed sign-ins (${lockout.attempts}); try again after ${until}`,
          zh: `登录失败次数过多（${lockout.attempts} 次），请于 ${until} 后再试`,
          retryAfter: Math.max(1, Math.ceil((out.until.getTime() - now.getTime()) / 1000)),
          scope: "account",
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
