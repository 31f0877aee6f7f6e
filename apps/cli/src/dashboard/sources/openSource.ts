import { CliError } from "../../CliError.js"
import { dashboardParts } from "../parts.js"
import { mark } from "../timing.js"
import type { DashboardSource } from "./DashboardSource.js"

/** The flags that choose the data source. */
export interface SourceFlags {
  readonly api?: string | undefined
  readonly token?: string | undefined
}

/**
 * Open the data source the flags ask for: the API when --api is given, else the store. Light to import (the
 * dashboard starts it before loading Ink): the application core, the store and the contract's client load here,
 * when the source opens.
 * @example const source = await openSource({}, process.env)
 */
export const openSource = async (flags: SourceFlags, env: Readonly<Record<string, string | undefined>>): Promise<DashboardSource> => {
  if (flags.api !== undefined) {
    if (!/^https?:\/\//.test(flags.api)) throw new CliError("usage", `--api expects an http(s) URL, got "${flags.api}"`, 2)
    const token = flags.token ?? env.JIJU_TOKEN
    const { apiSource } = await dashboardParts(env).apiSource()
    return apiSource({ baseUrl: flags.api, ...(token ? { token } : {}) })
  }
  const { storeSource } = await dashboardParts(env).storeSource()
  mark("store modules loaded")
  try {
    const source = await storeSource(env)
    mark("store opened")
    return source
  } catch (e) {
    // The CLI's mapping of the core's errors, loaded only when there is one to map.
    const { cliError } = await import("../../app.js")
    throw cliError(e)
  }
}
