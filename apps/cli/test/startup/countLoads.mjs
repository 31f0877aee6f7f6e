// Preloaded with `node --import` by modules.test.ts: records every module the process loads (through a loader
// hook, in load order), and every command script it compiles (src/scripted.ts: a script is compiled by node:vm,
// which no loader hook sees), and, at the first byte written to stdout or stderr, keeps a copy of the list so far.
// JIJU_LOAD_LOG names the file; the copy is `<file>.first`.
import { appendFileSync, copyFileSync, writeFileSync } from "node:fs"
import { register } from "node:module"
import { pathToFileURL } from "node:url"
import vm from "node:vm"

const log = process.env.JIJU_LOAD_LOG
if (!log) throw new Error("countLoads.mjs: set JIJU_LOAD_LOG")
writeFileSync(log, "")
register(new URL("./loadHooks.mjs", import.meta.url), { data: { log } })

const Script = vm.Script
vm.Script = class extends Script {
  constructor(code, options) {
    super(code, options)
    if (options?.filename) appendFileSync(log, `${pathToFileURL(options.filename).href}\n`)
  }
}

let first = false
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write
  stream.write = function (...args) {
    if (!first) {
      first = true
      // The hook appends each module before it is evaluated: everything loaded so far is in the file.
      copyFileSync(log, `${log}.first`)
    }
    return write.apply(this, args)
  }
}
