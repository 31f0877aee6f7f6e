import type { CommandIO } from "./Command.js"

/**
 * A progress bar on stderr for long runs, drawn only when stderr is a terminal (never into pipes or
 * JSON consumers). Returns undefined when no bar should be drawn.
 */
export const progressBar = (io: CommandIO, label: string): ((done: number, total: number) => void) | undefined => {
  const tty = (io.stderr as { isTTY?: boolean }).isTTY === true
  if (!tty) return undefined
  const width = 30
  let last = -1
  return (done, total) => {
    const pct = total === 0 ? 100 : Math.floor((100 * done) / total)
    if (pct === last) return
    last = pct
    const filled = Math.round((width * pct) / 100)
    io.stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(pct).padStart(3)}%`)
    if (done >= total) io.stderr.write("\n")
  }
}
