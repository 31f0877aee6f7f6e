import { createToken, createUser, listTokens, listUsers, login, logout, me, revokeToken, unlockUser } from "@jiju/app"
import type { accountsApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import type { Handlers } from "../http/bind.js"
import { sessionCookieName } from "../http/SessionCookie.js"

/** Accounts: sign-in and sign-out (the session cookie), who am I, accounts and tokens. */
export const accountsHandlers: Handlers<typeof accountsApi> = {
  login: ({ body }, { ip, hono }) =>
    Effect.map(login(ip, body), (s) => {
      const secure = hono.get("secureCookies")
      setCookie(hono, sessionCookieName(secure), s.session, { httpOnly: true, secure, sameSite: "Lax", path: "/", expires: s.expiresAt })
      return { user: s.user }
    }),
  logout: (_, { caller, hono }) =>
    Effect.map(logout(caller, getCookie(hono, sessionCookieName(hono.get("secureCookies")))), () => {
      const secure = hono.get("secureCookies")
      deleteCookie(hono, sessionCookieName(secure), { path: "/", secure })
      return undefined
    }),
  me: (_, { caller }) => me(caller),
  createToken: ({ body }, { caller }) => createToken(caller, body),
  revokeToken: ({ params }, { caller }) => revokeToken(caller, params.id),
  listUsers: (_, { caller }) => listUsers(caller),
  createUser: ({ body }, { caller }) => createUser(caller, body),
  listTokens: (_, { caller }) => listTokens(caller),
  unlockUser: ({ params }, { caller }) => unlockUser(caller, params.name),
}
