import { createToken, createUser, listUsers, login, logout, me, revokeToken } from "@jiju/app"
import type { accountsApi } from "@jiju/domain/contract"
import * as Effect from "effect/Effect"
import { deleteCookie, getCookie, setCookie } from "hono/cookie"
import type { Handlers } from "../http/bind.js"
import { SESSION_COOKIE } from "../http/SessionCookie.js"

/** Accounts: sign-in and sign-out (the session cookie), who am I, accounts and tokens. */
export const accountsHandlers: Handlers<typeof accountsApi> = {
  login: ({ body }, { ip, hono }) =>
    Effect.map(login(ip, body), (s) => {
      setCookie(hono, SESSION_COOKIE, s.session, { httpOnly: true, secure: hono.get("secureCookies"), sameSite: "Lax", path: "/", expires: s.expiresAt })
      return { user: s.user }
    }),
  logout: (_, { caller, hono }) =>
    Effect.map(logout(caller, getCookie(hono, SESSION_COOKIE)), () => {
      deleteCookie(hono, SESSION_COOKIE, { path: "/" })
      return undefined
    }),
  me: (_, { caller }) => me(caller),
  createToken: ({ body }, { caller }) => createToken(caller, body),
  revokeToken: ({ params }, { caller }) => revokeToken(caller, params.id),
  listUsers: (_, { caller }) => listUsers(caller),
  createUser: ({ body }, { caller }) => createUser(caller, body),
}
