#!/usr/bin/env node
// Start-up of `jiju` as a user's script pays it: the whole process, from spawning `node apps/cli/dist/main.js` to
// its exit, for `jiju --help` and for `jiju moran --json` on the bundled example (Columbus, 49 units), beside
// `node -e 0` (Node's own start, the floor). The commands run in turn, run by run, so that they share the
// machine's load; medians and minima of wall-clock time, and of CPU time (user + system, from bash's `time`): on
// a loaded machine the wall clock is mostly waiting for a core, the CPU time is the work the start-up costs.
//
//   node bench/cli-startup.mjs [--runs N] [--main PATH]
//
// Needs the build (pnpm build).
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { loadavg } from "node:os"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { parseArgs } from "node:util"

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..")
const { values } = parseArgs({ options: { runs: { type: "string", default: "21" }, main: { type: "string" } } })
const runs = Math.max(1, Number(values.runs))
const main = resolve(values.main ?? join(root, "apps/cli/dist/main.js"))
if (!existsSync(main)) {
  console.error(`cli-startup: ${main} is missing; run pnpm build first`)
  process.exit(1)
}
const examples = join(dirname(main), "..", "examples")
const cases = [
  { name: "node -e 0 (Node's own start)", argv: ["-e", "0"] },
  { name: "jiju --help", argv: [main, "--help"] },
  {
    name: "jiju moran --json (Columbus, 999 permutations)",
    argv: [main, "moran", "--data", join(examples, "columbus.csv"), "--id", "POLYID", "--weights", join(examples, "columbus.gal")].concat([
      "--var",
      "CRIME",
      "--permutations",
      "999",
      "--json",
    ]),
  },
]
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ")
const times = cases.map(() => [])
const cpu = cases.map(() => [])
// bash's time keyword reports the child's real, user and system seconds on stderr, to the millisecond.
const timed = ["-c", 'TIMEFORMAT="@@ %R %U %S"; time "$@" > /dev/null', "bash"]
const loadBefore = load()
for (let i = 0; i < runs; i++)
  for (const [k, c] of cases.entries()) {
    const r = spawnSync("bash", [...timed, process.execPath, ...c.argv], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } })
    const m = /@@ ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr)
    if (r.status !== 0 || !m) throw new Error(`${c.name} failed: ${r.stderr}`)
    times[k].push(Number(m[1]) * 1000)
    cpu[k].push((Number(m[2]) + Number(m[3])) * 1000)
  }
const loadAfter = load()
const sorted = (xs) => [...xs].sort((a, b) => a - b)
const ms = (x) => `${Math.round(x)} ms`
console.log(`jiju start-up, whole process, ${runs} runs each, interleaved; Node ${process.version}`)
console.log(`load average (1 / 5 / 15 min): ${loadBefore} before, ${loadAfter} after`)
for (const [k, c] of cases.entries()) {
  const s = sorted(times[k])
  const u = sorted(cpu[k])
  const mid = Math.floor(s.length / 2)
  console.log(`  ${c.name}: wall median ${ms(s[mid])} (min ${ms(s[0])}, max ${ms(s.at(-1))}); CPU median ${ms(u[mid])} (min ${ms(u[0])})`)
}
