import { parseArgs } from "node:util"
import { CliError } from "../CliError.js"

/** The dashboard's flags. */
export interface DashboardFlags {
  readonly api?: string | undefined
  readonly token?: string | undefined
  readonly lang?: string | undefined
}

/**
 * Parse the dashboard's flags strictly (an unknown flag or a missing value is a usage error naming the flag).
 * The same rules as the other commands' flags, with node:util alone: the dashboard's first frame waits for
 * whatever this module imports.
 * @example dashboardFlags(["--lang", "en"]).lang // "en"
 */
export const dashboardFlags = (argv: ReadonlyArray<string>): DashboardFlags => {
  try {
    return parseArgs({ args: [...argv], options: { api: { type: "string" }, token: { type: "string" }, lang: { type: "string" } }, strict: true }).values
  } catch (e) {
    throw new CliError("usage", (e as Error).message.split("\n")[0]!, 2)
  }
}
