/** Who is calling: the actor behind a bearer token or a session cookie. */

import { makeTokens, makeUsers, use } from "@jiju/store"
import * as Effect from "effect/Effect"
import type { Actor } from "../Actor.js"

/**
 * The actor behind a bearer token, or undefined when the token is unknown or revoked.
 * @example const who = yield* actorOfToken("jjt_…")
 */
export const actorOfToken = (token: string) =>
  Effect.map(
    use((db) => makeTokens(db).resolve(token)),
    (p): Actor | undefined => p,
  )

/**
 * The actor behind a session cookie, or undefined when the session is unknown or expired.
 * @example const who = yield* actorOfSession(cookie)
 */
export const actorOfSession = (secret: string) =>
  Effect.map(
    use((db) => makeUsers(db).session(secret)),
    (p): Actor | undefined => p,
  )
