import { homedir } from "node:os"
import { join } from "node:path"

/** Environment variables the store reads. */
export type StoreEnv = Readonly<Record<string, string | undefined>>

/**
 * The user's Jiju data directory: `$JIJU_DATA_DIR`, else `$XDG_DATA_HOME/jiju`, else `~/.local/share/jiju`.
 * @example dataDir({ JIJU_DATA_DIR: "/tmp/j" }) // "/tmp/j"
 */
export const dataDir = (env: StoreEnv = process.env): string => {
  const explicit = env.JIJU_DATA_DIR
  if (explicit !== undefined && explicit !== "") return explicit
  const xdg = env.XDG_DATA_HOME
  if (xdg !== undefined && xdg !== "") return join(xdg, "jiju")
  return join(env.HOME && env.HOME !== "" ? env.HOME : homedir(), ".local", "share", "jiju")
}

/** The embedded database directory inside the data directory. */
export const pgliteDir = (env: StoreEnv = process.env): string => join(dataDir(env), "pgdata")
