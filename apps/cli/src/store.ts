import { InputError } from "@jiju/domain/model"
import { openStore, type Store } from "@jiju/store"
import { CliError } from "./CliError.js"
import type { CommandIO } from "./Command.js"

/** A domain/store InputError as the CLI's one-line error with the same code (exit 1: bad input or state). */
export const cliError = (e: unknown): unknown => (e instanceof InputError ? new CliError(e.code, e.message.replace(/\s*\n\s*/g, "; "), 1) : e)

/**
 * Open the store for one command — PostgreSQL when DATABASE_URL is set, else the embedded database under
 * JIJU_DATA_DIR (or the user's data directory) — run `fn`, and always close it (releasing the PGlite lock).
 * @example return withStore(io, async (store) => { … return 0 })
 */
export const withStore = async <T>(io: CommandIO, fn: (store: Store) => Promise<T>): Promise<T> => {
  let store: Store
  try {
    store = await openStore({ env: io.env })
  } catch (e) {
    throw cliError(e)
  }
  try {
    return await fn(store)
  } catch (e) {
    throw cliError(e)
  } finally {
    await store.close()
  }
}
