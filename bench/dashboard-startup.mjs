#!/usr/bin/env node
// Startup of the terminal dashboard on the demo data: time from launching `node apps/cli/dist/main.js` in a
// real terminal (tmux, 80×24) to its first frame and to the first frame that shows the ranking, and the in-process time to open the
// store and build the first snapshot (register, latest two periods, ranking).
//
//   node bench/dashboard-startup.mjs [--runs N] [--data DIR]
//
// Without --data a temp JIJU_DATA_DIR is made and the demo data loaded into it (not timed). Needs the build
// (pnpm build) and tmux.
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { parseArgs } from "node:util"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const main = join(root, "apps/cli/dist/main.js")
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, data: { type: "string" } } })
const runs = Math.max(1, Number(values.runs))
if (!existsSync(main)) {
  console.error(`dashboard-startup: ${main} is missing; run pnpm build first`)
  process.exit(1)
}
if (spawnSync("tmux", ["-V"]).status !== 0) {
  console.error("dashboard-startup: tmux is not installed (apt-get install -y tmux)")
  process.exit(1)
}

const temp = values.data === undefined ? mkdtempSync(join(tmpdir(), "jiju-dash-bench-")) : null
const dataDir = values.data ?? join(temp, "data")
const env = { ...process.env, JIJU_DATA_DIR: dataDir, DATABASE_URL: "" }
if (temp) execFileSync(process.execPath, [main, "demo"], { env, stdio: "inherit" })

const socket = `jiju-bench-${process.pid}`
const tmux = (...args) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const terminal = []
const firstFrame = []
try {
  for (let i = 0; i < runs; i++) {
    const cmd = `JIJU_DATA_DIR='${dataDir}' DATABASE_URL= NO_COLOR=1 '${process.execPath}' '${main}'; echo EXITED; sleep 30`
    const t0 = performance.now()
    tmux("new-session", "-d", "-s", `b${i}`, "-x", "80", "-y", "24", cmd)
    let seen = false
    for (;;) {
      const s = tmux("capture-pane", "-p", "-t", `b${i}`)
      if (!seen && s.includes("jiju 集聚")) {
        seen = true
        firstFrame.push(performance.now() - t0)
      }
      if (/排名：|ranking:/.test(s) && /\s1\s/.test(s)) break
      if (performance.now() - t0 > 120_000) throw new Error(`no ranking after 120 s:\n${s}`)
      await sleep(10)
    }
    terminal.push(performance.now() - t0)
    tmux("send-keys", "-t", `b${i}`, "q")
    for (let k = 0; k < 500 && !tmux("capture-pane", "-p", "-t", `b${i}`).includes("EXITED"); k++) await sleep(20)
    tmux("kill-session", "-t", `b${i}`)
  }
} finally {
  try {
    tmux("kill-server")
  } catch {}
}

// In-process: open the store and build the first snapshot, as the dashboard does before its first frame.
const { storeSource } = await import(pathToFileURL(join(root, "apps/cli/dist/dashboard/sources/storeSource.js")).href)
const { loadSnapshot } = await import(pathToFileURL(join(root, "apps/cli/dist/dashboard/data/snapshot.js")).href)
const t1 = performance.now()
const source = await storeSource(env)
const opened = performance.now() - t1
const snap = await loadSnapshot(source)
const total = performance.now() - t1
await source.close()
if (temp) rmSync(temp, { recursive: true, force: true })

const ms = (x) => `${Math.round(x)} ms`
console.log(`dashboard startup (demo data: ${snap.register.clusters.length} zones, period ${snap.period}, ranking ${snap.resultFrom})`)
console.log(`  launch → first frame (header and "loading"), 80×24 tmux: median ${ms(median(firstFrame))} (${firstFrame.map(ms).join(", ")})`)
console.log(`  launch → first ranking frame, 80×24 tmux: median ${ms(median(terminal))} over ${runs} runs (${terminal.map(ms).join(", ")})`)
console.log(`  in process: open store ${ms(opened)}, first snapshot ${ms(snap.loadMs)}, together ${ms(total)}`)
