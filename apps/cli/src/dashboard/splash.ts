import type { ReadStream, WriteStream } from "node:tty"
import type { Bilingual } from "@jiju/domain/model"
import { keysText, LOADING, TITLE, tabsText } from "./ui/chrome.js"
import { fit, type Lang, tr } from "./ui/text.js"
import { themeFor } from "./ui/theme.js"

/** The frame drawn before Ink has loaded. */
export interface Splash {
  /** Erase it and give the terminal back its line mode (the dashboard failed before Ink drew). */
  dispose(): void
}

// Ink draws every frame in place only in a terminal outside CI and without its screen-reader mode; elsewhere
// a frame written here would stay above Ink's.
const inPlace = (stdout: WriteStream, env: Readonly<Record<string, string | undefined>>): boolean => {
  const set = (k: string) => env[k] !== undefined && env[k] !== "0" && env[k] !== "false"
  return stdout.isTTY === true && !set("CI") && !set("CONTINUOUS_INTEGRATION") && env.INK_SCREEN_READER !== "true" && env.TERM !== "dumb"
}

/**
 * Write the dashboard's first frame (title and tabs, "loading", status and keys, as App draws it before the data
 * arrive) straight to the terminal, so that it shows before Ink and React have loaded (half a second or more).
 * The terminal goes to raw mode at once: keys pressed meanwhile are neither echoed nor lost, and Ink reads them
 * when it starts. Returns null where Ink would not draw in place (not a terminal, CI, TERM=dumb, fewer than 10
 * rows).
 * @example const splash = showSplash(process.stdout, process.stdin, process.env, "zh", { zh: "本地数据库", en: "store" })
 */
export const showSplash = (
  stdout: WriteStream,
  stdin: ReadStream,
  env: Readonly<Record<string, string | undefined>>,
  lang: Lang,
  status: Bilingual,
): Splash | null => {
  if (!inPlace(stdout, env)) return null
  const theme = themeFor(env)
  // The same geometry as ui/layout.ts: the last column stays empty, the body takes all but four rows.
  const rows = stdout.rows || 24
  const width = Math.max(20, (stdout.columns || 80) - 1)
  const bodyHeight = Math.max(6, rows - 4)
  // In a terminal too short for the frame Ink clears the screen instead of drawing in place.
  if (bodyHeight + 3 >= rows) return null
  const cut = (s: string) => fit(s, width).trimEnd()
  const sgr = (codes: string, s: string) => (codes ? `\u001b[${codes}m${s}\u001b[0m` : s)
  const title = cut(TITLE + tabsText(lang, "overview"))
  const lines = [
    sgr(theme.accent ? "1;36" : "1", title.slice(0, TITLE.length)) + title.slice(TITLE.length),
    cut(tr(lang, LOADING)),
    ...Array.from({ length: bodyHeight - 1 }, () => ""),
    sgr(theme.dim ? "2" : "", cut(tr(lang, status))),
    cut(keysText(lang, "overview")),
  ]
  stdin.setRawMode(true)
  // Like Ink, end with a newline (the terminal scrolls the same way), then go back to the first line: Ink writes
  // the same frame over this one, line for line, with no blank in between.
  stdout.write(`${lines.join("\n")}\n\u001b[${lines.length}A`)
  let disposed = false
  return {
    dispose: () => {
      if (disposed) return
      disposed = true
      stdout.write("\u001b[J")
      stdin.setRawMode(false)
    },
  }
}
