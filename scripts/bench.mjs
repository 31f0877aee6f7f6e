#!/usr/bin/env node
// Benchmarks of the spatial econometrics against R (issue "Speed and scale").
//   pnpm bench                       build, then run every case (5 runs each) for Jiju and, when Rscript with
//                                    spdep/spatialreg/plm is installed, for R in the same run
//   node scripts/bench.mjs --runs 3  fewer runs;  --no-r  skip R;  --case slm-25357  one case only
// Prints per case the median wall-clock seconds of the runs for Jiju and R, the ratio Jiju/R, the median CPU
// seconds (user + system: less sensitive to a busy machine; Node's garbage collector and R's BLAS may use
// extra threads) and peak memory (max RSS of the process running the case: data loading included). Writes the table into docs/performance.md between
// the bench markers. Inputs come from bench/data/ (bench/generate-data.R writes them; git ignores them).
// Each case runs in its own child process so that peak memory belongs to that case alone. Cases with a `cli`
// command are also timed as the whole `jiju … --json` process (start-up and file reading included).
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const data = join(root, "bench", "data")
const dist = join(root, "packages", "domain", "dist")

const GWR_FORMULA = "log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income)"

const CASES = [
  { name: "moran-3107", what: "Moran's I, 999 permutations, US counties (n = 3,107)", n: 3107 },
  { name: "slm-3107", what: "Spatial lag ML, US counties (n = 3,107), sparse", n: 3107 },
  { name: "sem-3107", what: "Spatial error ML, US counties (n = 3,107), sparse", n: 3107 },
  { name: "slm-25357", what: "Spatial lag ML, Lucas County house sales (n = 25,357), sparse", n: 25357 },
  { name: "sdm-3107", what: "Spatial Durbin ML, US counties (n = 3,107), sparse", n: 3107 },
  { name: "sdm-25357", what: "Spatial Durbin ML, Lucas County house sales (n = 25,357), sparse", n: 25357 },
  { name: "panel-200000", what: "Two-way fixed effects, 20,000 units × 10 periods, 10 regressors", n: 200000 },
  {
    name: "gistar-3107",
    what: "Local Getis–Ord G*_i (include.self), US counties (n = 3,107)",
    n: 3107,
    cli: ["hotspots", "--data", "bench/data/elect80.csv", "--id", "id", "--weights", "bench/data/elect80.gal", "--var", "log(pc_turnout)", "--star"],
  },
  {
    name: "gwr-3107",
    what: "GWR, gaussian kernel, fixed bandwidth 1.5 (degrees), US counties (n = 3,107), 4 coefficients",
    n: 3107,
    cli: [
      "gwr",
      "--data",
      "bench/data/elect80_xy.csv",
      "--id",
      "id",
      "--coords",
      "x,y",
      "--formula",
      GWR_FORMULA,
      "--kernel",
      "gaussian",
      "--bandwidth",
      "1.5",
    ],
  },
  {
    name: "gwr-aicc-3107",
    what: "GWR bandwidth search by AICc (bisquare, adaptive K) and the fit at it, n = 3,107",
    n: 3107,
    cli: ["gwr", "--data", "bench/data/elect80_xy.csv", "--id", "id", "--coords", "x,y", "--formula", GWR_FORMULA, "--kernel", "bisquare", "--select", "aicc"],
  },
]

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const option = (name, fallback) => {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback
}
const runs = Number(option("--runs", "5"))
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

// ---------- inputs ----------
const readCsv = (path) => {
  const lines = readFileSync(path, "utf8").trim().split(/\r?\n/)
  const header = lines[0].split(",").map((h) => h.replace(/^"|"$/g, ""))
  const cols = Object.fromEntries(header.map((h) => [h, new Float64Array(lines.length - 1)]))
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(",")
    for (let c = 0; c < header.length; c++) cols[header[c]][r - 1] = Number(cells[c].replace(/^"|"$/g, ""))
  }
  return cols
}

// GAL → SpatialWeights, with the weights engineer's parser and builder from the built package.
const readWeights = async (path) => {
  const io = await import(join(dist, "io", "index.js"))
  const econ = await import(join(dist, "econometrics", "index.js"))
  return econ.weightsFromNeighbourList(io.parseGal(readFileSync(path, "utf8")), { style: "W" })
}

const design = (specs) => {
  const n = specs[0][1].length
  const k = specs.length
  const X = { rows: n, cols: k, data: new Float64Array(n * k) }
  specs.forEach(([, v], j) => {
    for (let i = 0; i < n; i++) X.data[i * k + j] = v[i]
  })
  return { X, names: specs.map(([name]) => name) }
}
const map = (v, f) => Float64Array.from(v, f)

const jijuCase = async (name) => {
  const econ = await import(join(dist, "econometrics", "index.js"))
  if (name === "moran-3107") {
    const d = readCsv(join(data, "elect80.csv"))
    const w = await readWeights(join(data, "elect80.gal"))
    const x = map(d.pc_turnout, Math.log)
    return () => econ.moranTest(x, w, { permutations: 999, seed: 1 })
  }
  if (name === "slm-3107" || name === "sem-3107" || name === "sdm-3107") {
    const d = readCsv(join(data, "elect80.csv"))
    const w = await readWeights(join(data, "elect80.gal"))
    const one = map(d.pc_turnout, () => 1)
    const { X, names } = design([
      ["(Intercept)", one],
      ["log(pc_college)", map(d.pc_college, Math.log)],
      ["log(pc_homeownership)", map(d.pc_homeownership, Math.log)],
      ["log(pc_income)", map(d.pc_income, Math.log)],
    ])
    const y = map(d.pc_turnout, Math.log)
    const fit = name === "slm-3107" ? econ.fitSpatialLag : name === "sdm-3107" ? econ.fitSpatialDurbin : econ.fitSpatialError
    return () => fit({ y, X, names, weights: w })
  }
  if (name === "slm-25357" || name === "sdm-25357") {
    const d = readCsv(join(data, "house.csv"))
    const w = await readWeights(join(data, "house.gal"))
    const { X, names } = design([
      ["(Intercept)", map(d.age, () => 1)],
      ["age", d.age],
      ["I(age^2)", map(d.age, (a) => a * a)],
      ["log(TLA)", map(d.TLA, Math.log)],
      ["log(lotsize)", map(d.lotsize, Math.log)],
      ["rooms", d.rooms],
      ["beds", d.beds],
      ["baths", d.baths],
      ["halfbaths", d.halfbaths],
      ["syear", d.syear],
    ])
    const y = map(d.price, Math.log)
    const fit = name === "sdm-25357" ? econ.fitSpatialDurbin : econ.fitSpatialLag
    return () => fit({ y, X, names, weights: w })
  }
  if (name === "panel-200000") {
    const d = readCsv(join(data, "panel.csv"))
    const specs = Array.from({ length: 10 }, (_, j) => [`x${j + 1}`, d[`x${j + 1}`]])
    const { X, names } = design(specs)
    const index = econ.panelIndex(Array.from(d.unit, String), Array.from(d.period, String))
    return () => econ.fixedEffects(X, d.y, names, index, "twoways")
  }
  if (name === "gistar-3107") {
    const d = readCsv(join(data, "elect80.csv"))
    const w = econ.includeSelf(await readWeights(join(data, "elect80.gal")))
    const x = map(d.pc_turnout, Math.log)
    return () => econ.localGetisOrd(x, w, { star: true })
  }
  if (name === "gwr-3107" || name === "gwr-aicc-3107") {
    const d = readCsv(join(data, "elect80_xy.csv"))
    const { X, names } = design([
      ["(Intercept)", map(d.pc_turnout, () => 1)],
      ["log(pc_college)", map(d.pc_college, Math.log)],
      ["log(pc_homeownership)", map(d.pc_homeownership, Math.log)],
      ["log(pc_income)", map(d.pc_income, Math.log)],
    ])
    const gwrData = { ids: Array.from(d.id, String), x: X, y: map(d.pc_turnout, Math.log), names, coords: { x: d.x, y: d.y } }
    if (name === "gwr-3107") return () => econ.gwr(gwrData, "gaussian", { adaptive: false, value: 1.5 })
    return () => {
      const s = econ.selectBandwidth(gwrData, "bisquare", { adaptive: true, criterion: "aicc" })
      return econ.gwr(gwrData, "bisquare", { adaptive: true, value: s.bandwidth })
    }
  }
  throw new Error(`unknown case ${name}`)
}

// The whole `jiju` process (start-up, reading the files, the analysis, the JSON on stdout), timed with
// /usr/bin/time when it is installed (wall and CPU seconds), else by the wall clock alone.
const timeCli = (args) => {
  const main = join(root, "apps", "cli", "dist", "main.js")
  const withTime = existsSync("/usr/bin/time")
  const seconds = []
  const cpuSeconds = []
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint()
    const child = withTime
      ? spawnSync("/usr/bin/time", ["-f", "%U %S", process.execPath, main, ...args, "--json"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 })
      : spawnSync(process.execPath, [main, ...args, "--json"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 })
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9)
    if (child.status !== 0) throw new Error(`jiju ${args[0]} failed: ${child.stderr}`)
    if (withTime) {
      const [u, sys] = child.stderr.trim().split("\n").pop().split(" ").map(Number)
      cpuSeconds.push(u + sys)
    }
  }
  return { seconds, cpuSeconds: withTime ? cpuSeconds : undefined }
}

// Child mode: time one case, print JSON.
if (flag("--child")) {
  const name = option("--case")
  const run = await jijuCase(name)
  const seconds = []
  const cpuSeconds = []
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint()
    const c = process.cpuUsage()
    run()
    const dc = process.cpuUsage(c)
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9)
    cpuSeconds.push((dc.user + dc.system) / 1e6)
  }
  const peakRssMB = process.resourceUsage().maxRSS / 1024
  process.stdout.write(`${JSON.stringify({ case: name, seconds, cpuSeconds, peakRssMB })}\n`)
  process.exit(0)
}

// ---------- driver ----------
const haveR = () => {
  if (flag("--no-r")) return false
  const r = spawnSync("Rscript", ["-e", "suppressPackageStartupMessages({library(spdep);library(spatialreg);library(plm)})"], {
    stdio: "ignore",
  })
  return r.status === 0
}

if (!existsSync(join(dist, "econometrics", "index.js"))) {
  console.error("packages/domain/dist is missing: run `pnpm bench` (it builds first) or `pnpm build`.")
  process.exit(1)
}
const withR = haveR()
if (!existsSync(join(data, "house.gal")) || !existsSync(join(data, "panel.csv")) || !existsSync(join(data, "elect80_xy.csv"))) {
  if (spawnSync("Rscript", ["--version"], { stdio: "ignore" }).status === 0) {
    console.log("Generating bench/data with Rscript bench/generate-data.R …")
    execFileSync("Rscript", [join(root, "bench", "generate-data.R")], { cwd: root, stdio: "inherit" })
  } else {
    console.log("bench/data is missing and Rscript is not installed: cannot generate the inputs (see bench/generate-data.R). Skipping.")
    process.exit(0)
  }
}
if (!withR) console.log(flag("--no-r") ? "R skipped (--no-r)." : "R (spdep, spatialreg, plm) not available: timing Jiju only.")

const only = option("--case")
const results = []
for (const c of CASES.filter((c) => only === undefined || c.name === only)) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", "--case", c.name, "--runs", String(runs)], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 1 << 24,
  })
  if (child.status !== 0) {
    console.error(`${c.name}: Jiju run failed\n${child.stderr}`)
    results.push({ ...c, jiju: undefined, r: undefined })
    continue
  }
  const jiju = JSON.parse(child.stdout.trim().split("\n").pop())
  const whole = c.cli ? timeCli(c.cli) : undefined
  let r
  if (withR) {
    const rr = spawnSync("Rscript", [join(root, "bench", "bench.R"), c.name, String(runs)], { cwd: root, encoding: "utf8" })
    if (rr.status === 0) r = JSON.parse(rr.stdout.trim().split("\n").pop())
    else console.error(`${c.name}: R run failed\n${rr.stderr}`)
  }
  const row = { ...c, jiju, r, whole }
  results.push(row)
  const fmt = (x) => (x === undefined ? "—" : x.toFixed(3))
  const jm = median(jiju.seconds)
  const rm = r ? median(r.seconds) : undefined
  console.log(
    `${c.name.padEnd(14)} Jiju ${fmt(jm)} s, CPU ${fmt(median(jiju.cpuSeconds))} s (${jiju.peakRssMB.toFixed(0)} MB)   R ${fmt(rm)} s${r ? `, CPU ${fmt(median(r.cpuSeconds))} s (${r.peakRssMB.toFixed(0)} MB)` : ""}   Jiju/R ${rm ? (jm / rm).toFixed(2) : "—"}${whole ? `   whole jiju process ${fmt(median(whole.seconds))} s${whole.cpuSeconds ? `, CPU ${fmt(median(whole.cpuSeconds))} s` : ""}` : ""}`,
  )
}

// ---------- docs/performance.md ----------
const cpu = os.cpus()[0]?.model ?? "unknown CPU"
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores), Node ${process.version}, ${runs} runs per case, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} at the end.`,
  "",
  "| case | what | Jiju median (s) | R median (s) | Jiju / R | Jiju CPU (s) | R CPU (s) | Jiju peak RSS (MB) | R peak RSS (MB) | whole `jiju` process (s) | its CPU (s) |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map((x) => {
    const jm = x.jiju ? median(x.jiju.seconds) : undefined
    const rm = x.r ? median(x.r.seconds) : undefined
    const f = (v, d = 3) => (v === undefined ? "—" : v.toFixed(d))
    const jc = x.jiju ? median(x.jiju.cpuSeconds) : undefined
    const rc = x.r ? median(x.r.cpuSeconds) : undefined
    const wm = x.whole ? median(x.whole.seconds) : undefined
    const wc = x.whole?.cpuSeconds ? median(x.whole.cpuSeconds) : undefined
    return `| ${x.name} | ${x.what} | ${f(jm)} | ${f(rm)} | ${jm !== undefined && rm ? (jm / rm).toFixed(2) : "—"} | ${f(jc)} | ${f(rc)} | ${f(x.jiju?.peakRssMB, 0)} | ${f(x.r?.peakRssMB, 0)} | ${f(wm)} | ${f(wc)} |`
  }),
].join("\n")
const doc = join(root, "docs", "performance.md")
if (existsSync(doc) && only === undefined) {
  const text = readFileSync(doc, "utf8")
  const start = "<!-- bench:start -->"
  const end = "<!-- bench:end -->"
  if (text.includes(start) && text.includes(end)) {
    writeFileSync(doc, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`)
    console.log("docs/performance.md updated")
  }
}
