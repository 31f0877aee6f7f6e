import { CliError } from "../CliError.js"
import type { Command, CommandIO } from "../Command.js"
import type { Snapshot } from "./data/snapshot.js"
import { dashboardFlags } from "./flags.js"
import { loadScreens } from "./loadScreens.js"
import { dashboardParts } from "./parts.js"
import { deferredSource } from "./sources/deferredSource.js"
import { openSource } from "./sources/openSource.js"
import { showSplash } from "./splash.js"
import { mark } from "./timing.js"
import type { Lang } from "./ui/text.js"

const usage = [
  "jiju [dashboard] [--api URL --token T] [--lang zh|en]",
  "  终端看板 terminal dashboard: rankings, clusters, analyses and targets",
  "  (no flags)      read the store (DATABASE_URL, else the embedded database under JIJU_DATA_DIR)",
  "  --api URL       read a running API server instead (token from --token or JIJU_TOKEN)",
  "  --lang zh|en    first language (l toggles; default JIJU_LANG or zh)",
  "  keys: ↑↓/j k move · Tab screens · / filter · Enter open · Esc back · ? help · l language · q quit",
].join("\n")

/**
 * Open the terminal dashboard on the process's terminal; resolves with the exit code when the user quits.
 * Needs an interactive terminal (stdin a TTY) for its keys.
 *
 * Start-up order: the first frame is written before Ink is loaded (splash.ts); Ink, React and the frame load, and
 * Ink draws the same frame over it and reads the keys; the screens load behind it and show the data when they
 * arrive. The data source starts opening at once — unless the embedded store is as the dashboard last left it:
 * then the snapshot kept then (data/snapshotCache.ts) is drawn first and the store opens after that frame, so
 * that the two do not share the one thread while the ranking is drawn.
 */
export const openDashboard = async (argv: ReadonlyArray<string>, io: CommandIO): Promise<number> => {
  const values = dashboardFlags(argv)
  const lang = (values.lang ?? io.env.JIJU_LANG ?? "zh") as Lang
  if (lang !== "zh" && lang !== "en") throw new CliError("usage", `--lang must be zh or en, got "${lang}"`, 2)
  if (values.api !== undefined && !/^https?:\/\//.test(values.api)) throw new CliError("usage", `--api expects an http(s) URL, got "${values.api}"`, 2)
  if (!process.stdin.isTTY)
    throw new CliError("not_a_terminal", "the dashboard needs an interactive terminal; use the other commands (jiju --help) in scripts", 2)
  const placeholder = values.api !== undefined ? { zh: `API ${values.api}`, en: `API ${values.api}` } : { zh: "本地数据库", en: "store" }
  const splash = showSplash(process.stdout, process.stdin, io.env, lang, placeholder)
  mark("first frame")
  // The embedded store's last snapshot, if its files are as the dashboard left them.
  const keeping = values.api === undefined ? import("./data/snapshotCache.js") : null
  const keptRead = keeping ? keeping.then((k) => k.readKeptSnapshot(io.env)).catch(() => null) : Promise.resolve(null)
  const loadingUi = loadScreens(values.api === undefined, io.env)
  loadingUi.catch(() => {})
  const kept = await keptRead
  if (kept) mark("kept snapshot read")
  // A failure to open shows on screen, and the exit code says it.
  let begin = () => {}
  let begun = false
  const opening = new Promise<void>((go) => {
    begin = () => {
      begun = true
      go()
    }
  }).then(() => openSource(values, io.env))
  let failed = false
  opening.catch(() => {
    failed = true
  })
  if (!kept) begin()
  const source = deferredSource(opening, placeholder)
  let ui: typeof import("./ui/mount.js")
  try {
    ui = await loadingUi
    mark("ink loaded")
  } catch (e) {
    splash?.dispose()
    if (begun) await source.close()
    throw e
  }
  let latest: Snapshot | null = null
  try {
    await ui
      .mount({
        source,
        env: io.env,
        exportDir: io.cwd,
        lang,
        kept,
        // The kept ranking is rendered: once Ink has written it (its output is throttled), the store may take the thread.
        onReady: () => {
          mark("ranking shown")
          setTimeout(begin, 40)
        },
        onLive: (s) => {
          // Once the store's first answer is drawn, the functions a launch runs are compiled: their code is kept
          // for the next launch (parts.ts), once per build.
          if (latest === null) setTimeout(() => dashboardParts(io.env).keepCache(), 500).unref()
          latest = s
        },
      })
      .waitUntilExit()
    return failed ? 1 : 0
  } finally {
    if (begun) await source.close()
    // Kept once the store is closed: closing writes to its files, and the kept state is the closed one.
    // Without an answer of its own (quit before the store answered), the kept one is still the store's: the
    // dashboard only reads, and held the store alone meanwhile.
    const keep = latest ?? kept
    if (keep && !failed) (await keeping?.catch(() => null))?.keepSnapshot(io.env, keep)
    // Quit before the store answered, or within half a second of it: the code compiled so far.
    dashboardParts(io.env).keepCache()
  }
}

/** `jiju dashboard`: the terminal dashboard (also what `jiju` with no arguments opens in a terminal). */
export const dashboardCommand: Command = {
  name: "dashboard",
  summary: { zh: "终端看板：排名、集聚区、分析与目标", en: "terminal dashboard: rankings, clusters, analyses, targets" },
  usage,
  run: openDashboard,
}
