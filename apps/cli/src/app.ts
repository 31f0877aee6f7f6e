import { type Actor, type AppRuntime, type AppServices, makeAppRuntime, operator } from "@jiju/app"
import type * as Effect from "effect/Effect"
import { cliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"

export { cliError }

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
