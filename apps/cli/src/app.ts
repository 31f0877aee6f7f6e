import { type Actor, type AppRuntime, type AppServices, makeAppRuntime, operator } from "@jiju/app"
import { ComputationError, InputError } from "@jiju/domain/model"
import type * as Effect from "effect/Effect"
import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"

/** The exit code of a use case's failure: 1 (bad input, a refused change, a missing entry), as for any failed work. */
const failureMessage = (e: unknown): CliError | undefined => {
  if (e instanceof InputError) return new CliError(e.code, e.message.replace(/\s*\n\s*/g, "; "), 1)
  if (e instanceof ComputationError) return new CliError(e.code, e.message, 1)
  const t = e as { _tag?: unknown; code?: unknown; en?: unknown }
  if (typeof t?._tag === "string" && typeof t.code === "string" && typeof t.en === "string") return new CliError(t.code, t.en, 1)
  return undefined
}

/** A use case's failure (or a store error) as the CLI's one-line error with the same code. */
export const cliError = (e: unknown): unknown => failureMessage(e) ?? e

/** What a store command works with: the application core and the operator acting through it. */
export interface CliApp {
  readonly runtime: AppRuntime
  /** The person at the machine, who holds every right the store's files give. */
  readonly actor: Actor
  /** Run a use case; its failure becomes the CLI's one-line error. */
  run<A, E>(effect: Effect.Effect<A, E, AppServices>): Promise<A>
}

/**
 * Open the store for one command (PostgreSQL when DATABASE_URL is set, else the embedded database under JIJU_DATA_DIR
 * or the user's data directory), run `fn` with the application core, and always close it (releasing the PGlite lock).
 * @example return withApp(io, async (app) => { const page = await app.run(listRegions(app.actor, {})); … return 0 })
 */
export const withApp = async <T>(io: CommandIO, fn: (app: CliApp) => Promise<T>): Promise<T> => {
  let runtime: AppRuntime
  try {
    runtime = await makeAppRuntime({ env: io.env })
  } catch (e) {
    throw cliError(e)
  }
  const app: CliApp = {
    runtime,
    actor: operator(io.env.USER ?? io.env.USERNAME ?? "operator"),
    run: async (effect) => {
      try {
        return await runtime.run(effect)
      } catch (e) {
        throw cliError(e)
      }
    },
  }
  try {
    return await fn(app)
  } catch (e) {
    throw cliError(e)
  } finally {
    await runtime.dispose()
  }
}
