// Loader hooks of countLoads.mjs (they run on the loader thread): append each module's URL to the log, synchronously,
// before the module is handed to the main thread.
import { appendFileSync } from "node:fs"

let log = ""

export const initialize = (data) => {
  log = data.log
}

export const load = async (url, context, next) => {
  appendFileSync(log, `${url}\n`)
  return next(url, context)
}
