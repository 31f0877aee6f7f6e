import { ComputationError, InputError } from "@jiju/domain/model"
import * as Effect from "effect/Effect"

/**
 * Run pure domain code that reports bad input by throwing: its InputError or ComputationError becomes a typed
 * failure, anything else a defect.
 * @example const page = yield* attempt(() => paginate(all, query, how))
 */
export const attempt = <A>(f: () => A): Effect.Effect<A, InputError | ComputationError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(f())
    } catch (e) {
      return e instanceof InputError || e instanceof ComputationError ? Effect.fail(e) : Effect.die(e)
    }
  })
