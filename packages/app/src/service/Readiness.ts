import { use } from "@jiju/store"
import * as Effect from "effect/Effect"
import { Unavailable } from "../Failure.js"

/**
 * Whether the store answers: its engine when it does, Unavailable when it does not.
 * @example const { engine } = yield* readiness()
 */
export const readiness = () =>
  use(async (db) => {
    await db.query("select 1")
    return { status: "ready" as const, engine: db.engine }
  }).pipe(Effect.catch(() => Effect.fail(new Unavailable({ code: "not_ready", en: "the database does not answer", zh: "数据库无响应" }))))
