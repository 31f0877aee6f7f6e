/** Who is calling: the actor behind a bearer token or a session cookie. */

import { AccessTokens, Accounts } from "@jiju/store"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { Actor } from "../Actor.js"

/** How long a token's actor is remembered: a revocation in another process reaches this one within this time. */
export const TOKEN_TTL_MS = 5_000

/** Tokens recently resolved, so that a request does not pay a database read to learn who sent it. */
export interface TokenCacheShape {
  get(token: string): Actor | undefined
  set(token: string, actor: Actor): void
  /** Forget every token (this process revoked one). */
  clear(): void
}

/** The process's cache of resolved bearer tokens. */
export class TokenCache extends Context.Service<TokenCache, TokenCacheShape>()("@jiju/app/TokenCache") {}

/**
 * A token cache with the {@link TOKEN_TTL_MS} lifetime, bounded at 10,000 tokens.
 * @example const cache = makeTokenCache(); cache.get("jjt_…") // undefined
 */
export const makeTokenCache = (now: () => number = Date.now): TokenCacheShape => {
  const hits = new Map<string, { readonly at: number; readonly actor: Actor }>()
  return {
    get: (token) => {
      const hit = hits.get(token)
      return hit && now() - hit.at < TOKEN_TTL_MS ? hit.actor : undefined
    },
    set: (token, actor) => {
      if (hits.size > 10_000) hits.clear()
      hits.set(token, { at: now(), actor })
    },
    clear: () => hits.clear(),
  }
}

/** The layer of the process's token cache. */
export const tokenCacheLayer: Layer.Layer<TokenCache> = Layer.sync(TokenCache, () => makeTokenCache())

/**
 * The actor behind a bearer token, or undefined when the token is unknown or revoked.
 * @example const who = yield* actorOfToken("jjt_…")
 */
export const actorOfToken = (token: string) =>
  Effect.flatMap(TokenCache, (cache) => {
    const hit = cache.get(token)
    if (hit) return Effect.succeed<Actor | undefined>(hit)
    return Effect.map(AccessTokens.resolve(token), (p): Actor | undefined => {
      if (p) cache.set(token, p)
      return p
    })
  })

/**
 * The actor behind a session cookie, or undefined when the session is unknown or expired.
 * @example const who = yield* actorOfSession(cookie)
 */
export const actorOfSession = (secret: string) => Effect.map(Accounts.session(secret), (p): Actor | undefined => p)
