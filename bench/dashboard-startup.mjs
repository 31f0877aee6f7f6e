#!/usr/bin/env node
// Startup of the terminal dashboard on the demo data, in a real terminal (tmux, 80×24), from launching
// `node apps/cli/dist/main.js` to
//   - the first frame: the title "jiju 集聚" with the tabs, "loading", the status and keys lines;
//   - the first answer to a key: `l` is pressed as soon as the first frame shows, and the frame switching to
//     English ("[Overview]") shows that the dashboard reads keys;
//   - the first ranking frame: the ranking's status ("排名：" / "ranking:") and a row ranked 1.
// Then the dashboard's own milestones (JIJU_TIMING_LOG): the store opened and the core's first snapshot (register,
// latest two periods, ranking). A first launch (not timed) keeps its snapshot, as a user's does; --fresh changes the
// store's state before every launch, as a write does, so that the kept snapshot is stale.
//
//   node bench/dashboard-startup.mjs [--runs N] [--fresh] [--marks] [--data DIR] [--main PATH …]
//
// --marks prints every milestone the dashboard noted, not only the two above. BENCH_NODE_FLAGS (environment) adds
// flags to the node that runs the dashboard (e.g. --max-semi-space-size=16).
//
// Without --data a temp JIJU_DATA_DIR is made and the demo data loaded into it (not timed). Needs the build
// (pnpm build) and tmux. Several --main (other builds of apps/cli) run in turn, run by run, so that they share
// the machine's conditions. The terminal's output is read from a pipe (tmux pipe-pane) rather than by polling
// capture-pane, which would spawn a process every few milliseconds and take a core from the dashboard.
import { execFileSync, spawnSync } from "node:child_process"
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, utimesSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
import { dirname, join, resolve } from "node:path"
import { StringDecoder } from "node:string_decoder"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    data: { type: "string" },
    main: { type: "string", multiple: true },
    fresh: { type: "boolean", default: false },
    marks: { type: "boolean", default: false },
  },
})
const runs = Math.max(1, Number(values.runs))
const mains = (values.main ?? [join(root, "apps/cli/dist/main.js")]).map((m) => resolve(m))
for (const main of mains)
  if (!existsSync(main)) {
    console.error(`dashboard-startup: ${main} is missing; run pnpm build first`)
    process.exit(1)
  }
if (spawnSync("tmux", ["-V"]).status !== 0) {
  console.error("dashboard-startup: tmux is not installed (apt-get install -y tmux)")
  process.exit(1)
}

const temp = mkdtempSync(join(tmpdir(), "jiju-dash-bench-"))
const dataDir = values.data ?? join(temp, "data")
const env = { ...process.env, JIJU_DATA_DIR: dataDir, DATABASE_URL: "" }
if (values.data === undefined) execFileSync(process.execPath, [mains[0], "demo"], { env, stdio: "inherit" })

const socket = `jiju-bench-${process.pid}`
const tmux = (...args) => execFileSync("tmux", ["-L", socket, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] })
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ")

/** One launch: the three milestones in ms, read from the pane's output as it arrives. */
const launch = async (main, id) => {
  // --fresh: the store changed since the last launch, so the kept snapshot is stale and the ranking waits for the
  // store to open and the core to answer. Moving the time of the store's control file changes its state as any
  // write or session does (data/snapshotCache.ts), without changing the data.
  if (values.fresh) {
    const control = join(dataDir, "pgdata", "global", "pg_control")
    const later = new Date(statSync(control).mtimeMs + 1000)
    utimesSync(control, later, later)
  }
  const out = join(temp, `${id}.out`)
  // The shell waits for the signal, so the pipe is attached before the dashboard writes anything.
  const cmd = `tmux -L ${socket} wait-for go-${id}; JIJU_TIMING_LOG='${join(temp, `${id}.marks`)}' JIJU_DATA_DIR='${dataDir}' DATABASE_URL= NO_COLOR=1 '${process.execPath}' ${process.env.BENCH_NODE_FLAGS ?? ""} '${main}'; echo EXITED; sleep 30`
  tmux("new-session", "-d", "-s", id, "-x", "80", "-y", "24", cmd)
  tmux("pipe-pane", "-o", "-t", id, `cat >> '${out}'`)
  while (!existsSync(out)) await sleep(5)
  const fd = openSync(out, "r")
  const buf = Buffer.alloc(1 << 16)
  // A character may be split between two reads.
  const utf8 = new StringDecoder("utf8")
  let text = ""
  const read = () => {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null)
      if (n === 0) return
      text += utf8.write(buf.subarray(0, n))
    }
  }
  const t0 = performance.now()
  tmux("wait-for", "-S", `go-${id}`)
  const at = {}
  for (;;) {
    read()
    const t = performance.now() - t0
    if (at.first === undefined && text.includes("jiju 集聚")) {
      at.first = t
      tmux("send-keys", "-t", id, "l")
    }
    if (at.first !== undefined && at.keys === undefined && text.includes("[Overview]")) at.keys = t
    if (/排名：|ranking:/.test(text) && /›\s+1\s/.test(text)) at.ranking ??= t
    if (at.keys !== undefined && at.ranking !== undefined) break
    if (text.includes("EXITED") || t > 120_000) throw new Error(`${main}: no ranking after ${Math.round(t)} ms:\n${tmux("capture-pane", "-p", "-t", id)}`)
    await sleep(2)
  }
  // Stay until the core has answered (the kept snapshot is replaced, and kept again on quitting).
  while (!text.includes("EXITED") && !existsSync(join(temp, `${id}.marks`))) await sleep(20)
  for (let k = 0; k < 6000 && !readFileSync(join(temp, `${id}.marks`), "utf8").includes("\tsnapshot read"); k++) await sleep(20)
  at.marks = readFileSync(join(temp, `${id}.marks`), "utf8")
  tmux("send-keys", "-t", id, "q")
  for (let k = 0; k < 500 && !text.includes("EXITED"); k++) {
    await sleep(20)
    read()
  }
  closeSync(fd)
  tmux("kill-session", "-t", id)
  return at
}

const results = mains.map(() => ({ first: [], keys: [], ranking: [], opened: [], answered: [], marks: new Map() }))
const markOf = (marks, name) =>
  Number(
    marks
      .split("\n")
      .find((l) => l.endsWith(`\t${name}`))
      ?.split("\t")[0] ?? Number.NaN,
  )
const loadBefore = load()
try {
  // Killing the last session would stop the server under the next new-session: one stays for the whole run.
  tmux("new-session", "-d", "-s", "keep", "sleep 3600")
  // Not timed: a first launch after loading the demo, which keeps its snapshot on quitting (stale with --fresh).
  for (const [k, main] of mains.entries()) await launch(main, `warm${k}`)
  for (let i = 0; i < runs; i++)
    for (const [k, main] of mains.entries()) {
      const at = await launch(main, `r${i}m${k}`)
      for (const key of ["first", "keys", "ranking"]) results[k][key].push(at[key])
      results[k].opened.push(markOf(at.marks, "store opened"))
      results[k].answered.push(markOf(at.marks, "snapshot read"))
      for (const l of at.marks.split("\n").filter(Boolean)) {
        const [t, name] = l.split("\t")
        results[k].marks.set(name, [...(results[k].marks.get(name) ?? []), Number(t)])
      }
    }
} finally {
  try {
    tmux("kill-server")
  } catch {}
}
const loadAfter = load()

rmSync(temp, { recursive: true, force: true })

const ms = (x) => `${Math.round(x)} ms`
const line = (label, xs) => `  ${label}: median ${ms(median(xs))} (${xs.map(ms).join(", ")})`
console.log(
  `dashboard startup (demo data), ${runs} runs, 80×24 tmux, ${values.fresh ? "the store changed since the last launch (--fresh): the kept snapshot is stale" : "the store unchanged since the last launch"}`,
)
console.log(`load average (1 / 5 / 15 min): ${loadBefore} before, ${loadAfter} after`)
for (const [k, main] of mains.entries()) {
  if (mains.length > 1) console.log(main)
  console.log(line("launch → first frame (title, tabs, loading)", results[k].first))
  console.log(line("launch → first answer to a key (l)", results[k].keys))
  console.log(line("launch → first ranking frame", results[k].ranking))
  // The dashboard's own milestones (JIJU_TIMING_LOG), from the start of its process.
  console.log(line("process start → store opened", results[k].opened))
  console.log(line("process start → the core's snapshot read", results[k].answered))
  // --marks: every milestone the dashboard noted, in the order of their medians.
  if (values.marks) for (const [name, xs] of [...results[k].marks].sort((a, b) => median(a[1]) - median(b[1]))) console.log(line(`  ${name}`, xs))
}
