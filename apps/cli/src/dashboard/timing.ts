import { appendFileSync } from "node:fs"

/**
 * Note a start-up milestone (ms since the process started) in the file JIJU_TIMING_LOG names, for
 * bench/dashboard-startup.mjs; nothing without it.
 * @example mark("store opened")
 */
export const mark = (what: string): void => {
  const file = process.env.JIJU_TIMING_LOG
  if (file) appendFileSync(file, `${Math.round(performance.now())}\t${what}\n`)
}
