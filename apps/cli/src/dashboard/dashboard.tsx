import { render } from "ink"
import { parseFlags } from "../args.js"
import { CliError } from "../CliError.js"
import type { Command, CommandIO } from "../Command.js"
import { cliError } from "../store.js"
import { apiSource } from "./sources/apiSource.js"
import { deferredSource } from "./sources/deferredSource.js"
import type { DashboardSource } from "./sources/DashboardSource.js"
import { storeSource } from "./sources/storeSource.js"
import { App } from "./ui/App.js"
import type { Lang } from "./ui/text.js"

const usage = [
  "jiju [dashboard] [--api URL --token T] [--lang zh|en]",
  "  终端看板 terminal dashboard: rankings, clusters, analyses and targets",
  "  (no flags)      read the store (DATABASE_URL, else the embedded database under JIJU_DATA_DIR)",
  "  --api URL       read a running API server instead (token from --token or JIJU_TOKEN)",
  "  --lang zh|en    first language (l toggles; default JIJU_LANG or zh)",
  "  keys: ↑↓/j k move · Tab screens · / filter · Enter open · Esc back · ? help · l language · q quit",
].join("\n")

/** Pick the data source from the flags: the API when --api is given, else the store. */
export const dashboardSource = async (flags: { api?: string | undefined; token?: string | undefined }, env: CommandIO["env"]): Promise<DashboardSource> => {
  if (flags.api !== undefined) {
    if (!/^https?:\/\//.test(flags.api)) throw new CliError("usage", `--api expects an http(s) URL, got "${flags.api}"`, 2)
    const token = flags.token ?? env.JIJU_TOKEN
    return apiSource({ baseUrl: flags.api, ...(token ? { token } : {}) })
  }
  try {
    return await storeSource(env)
  } catch (e) {
    throw cliError(e)
  }
}

/**
 * Open the terminal dashboard on the process's terminal; resolves with the exit code when the user quits.
 * Needs an interactive terminal (stdin a TTY) for its keys.
 */
export const openDashboard = async (argv: ReadonlyArray<string>, io: CommandIO): Promise<number> => {
  const { values } = parseFlags(argv, { api: { type: "string" }, token: { type: "string" }, lang: { type: "string" } })
  const lang = (values.lang ?? io.env.JIJU_LANG ?? "zh") as Lang
  if (lang !== "zh" && lang !== "en") throw new CliError("usage", `--lang must be zh or en, got "${lang}"`, 2)
  if (values.api !== undefined && !/^https?:\/\//.test(values.api)) throw new CliError("usage", `--api expects an http(s) URL, got "${values.api}"`, 2)
  if (!process.stdin.isTTY) throw new CliError("not_a_terminal", "the dashboard needs an interactive terminal; use the other commands (jiju --help) in scripts", 2)
  // Draw at once and open the data source meanwhile; a failure to open shows on screen, and the exit code says it.
  const opening = dashboardSource(values, io.env)
  let failed = false
  opening.catch(() => {
    failed = true
  })
  const source = deferredSource(opening, values.api !== undefined ? { zh: `API ${values.api}`, en: `API ${values.api}` } : { zh: "本地数据库", en: "store" })
  try {
    const instance = render(<App source={source} env={io.env} lang={lang} />, { exitOnCtrlC: true })
    await instance.waitUntilExit()
    return failed ? 1 : 0
  } finally {
    await source.close()
  }
}

/** `jiju dashboard`: the terminal dashboard (also what `jiju` with no arguments opens in a terminal). */
export const dashboardCommand: Command = {
  name: "dashboard",
  summary: { zh: "终端看板：排名、集聚区、分析与目标", en: "terminal dashboard: rankings, clusters, analyses, targets" },
  usage,
  run: openDashboard,
}
