#!/usr/bin/env node
// Benchmarks against R (issues "Speed and scale" and "Speed at every scale users reach").
//   pnpm bench                       build, then run every case for Jiju and, when Rscript with
//                                    spdep/spatialreg/plm is installed, for R in the same run, case by case
//   node scripts/bench.mjs --runs 3  fewer runs;  --no-r  skip R;  --case slm-25357  one case only (repeatable)
//                                    --small  only the cases below 100,000 units
//   node scripts/bench.mjs --logdet-fixtures   only Jiju's log|I − ρW| against the committed R values in
//                                    bench/fixtures/logdet-*.json (no R needed; exit 1 beyond 1e-10 relative)
// Prints per case the median wall-clock seconds of the runs for Jiju and R, the ratio Jiju/R, the median CPU
// seconds (user + system: less sensitive to a busy machine; Node's garbage collector and R's BLAS may use
// extra threads), the whole Jiju process (start-up, reading the files, the call, exit: one run in a fresh
// process) and peak memory (max RSS of the process running the case: data loading included), with the load
// average when the case ran. Writes the table into docs/performance.md between the bench markers. Inputs come
// from bench/data/ (bench/generate-data.R writes them; git ignores them). Each case runs in its own child
// process so that peak memory belongs to that case alone. Cases of 250,000 units and the 4M firm rows run
// once per side (R takes minutes there). "cliOnly" cases run the built `jiju` command itself (whole process
// only); cases with a `cli` command line are also timed as the whole `jiju … --json` process.
import { execFileSync, spawnSync } from "node:child_process"
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import os from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const data = join(root, "bench", "data")
const dist = join(root, "packages", "domain", "dist")

const GWR_FORMULA = "log(pc_turnout) ~ log(pc_college) + log(pc_homeownership) + log(pc_income)"
const HOUSE_FORMULA = "log(price) ~ age + I(age^2) + log(TLA) + log(lotsize) + rooms + beds + baths + halfbaths + syear"
// The counties' data and weights as `jiju` flags (the whole-process column of the counties' cases).
const COUNTIES = ["--data", "bench/data/elect80.csv", "--id", "id", "--weights", "bench/data/elect80.gal"]

const CASES = [
  {
    name: "moran-3107",
    what: "Moran's I, 999 permutations, US counties (n = 3,107)",
    n: 3107,
    cli: ["moran", ...COUNTIES, "--var", "log(pc_turnout)", "--permutations", "999"],
  },
  {
    name: "slm-3107",
    what: "Spatial lag ML, US counties (n = 3,107), sparse",
    n: 3107,
    cli: ["regress", ...COUNTIES, "--formula", GWR_FORMULA, "--model", "lag"],
  },
  {
    name: "sem-3107",
    what: "Spatial error ML, US counties (n = 3,107), sparse",
    n: 3107,
    cli: ["regress", ...COUNTIES, "--formula", GWR_FORMULA, "--model", "error"],
  },
  {
    name: "slm-25357",
    what: "Spatial lag ML, Lucas County house sales (n = 25,357), sparse",
    n: 25357,
    cli: ["regress", "--data", "bench/data/house.csv", "--id", "id", "--weights", "bench/data/house.gal", "--formula", HOUSE_FORMULA, "--model", "lag"],
  },
  { name: "sdm-3107", what: "Spatial Durbin ML, US counties (n = 3,107), sparse", n: 3107 },
  { name: "sdm-25357", what: "Spatial Durbin ML, Lucas County house sales (n = 25,357), sparse", n: 25357 },
  { name: "panel-200000", what: "Two-way fixed effects, 20,000 units × 10 periods, 10 regressors", n: 200000 },
  { name: "slm-grid15625", what: "Spatial lag ML, queen grid 125² (n = 15,625)", n: 15625 },
  { name: "sem-grid15625", what: "Spatial error ML, queen grid 125² (n = 15,625)", n: 15625 },
  { name: "slm-grid62500", what: "Spatial lag ML, queen grid 250² (n = 62,500)", n: 62500 },
  { name: "sem-grid62500", what: "Spatial error ML, queen grid 250² (n = 62,500)", n: 62500 },
  { name: "slm-grid250000", what: "Spatial lag ML, queen grid 500² (n = 250,000)", n: 250000, runs: 1 },
  { name: "sem-grid250000", what: "Spatial error ML, queen grid 500² (n = 250,000)", n: 250000, runs: 1 },
  { name: "slm-knn250000", what: "Spatial lag ML, 6 nearest neighbours (n = 250,000; R: method LU)", n: 250000, runs: 1 },
  { name: "sem-knn250000", what: "Spatial error ML, 6 nearest neighbours (n = 250,000; R: method LU)", n: 250000, runs: 1 },
  { name: "moran-grid250000", what: "Moran's I, 999 permutations, queen grid 500² (n = 250,000)", n: 250000, runs: 1 },
  { name: "lisa-grid250000", what: "LISA, 999 permutations, queen grid 500² (n = 250,000), jiju lisa, 2 threads", n: 250000, runs: 1, cliOnly: true },
  { name: "lisa-25357", what: "LISA, 9,999 permutations, house sales (n = 25,357), jiju lisa, 2 threads", n: 25357, runs: 3, cliOnly: true },
  {
    name: "concentration-4m",
    what: "LQ, HHI, Krugman, Gini, Ellison–Glaeser (H from firms), 4,000,000 firm rows, jiju concentration",
    n: 4e6,
    runs: 1,
    cliOnly: true,
  },
  { name: "assessment-3000", what: "Assessment run, 3,000 zones × 60 indicators, rank stability 1,000 draws", n: 3000 },
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

// The `jiju` command line of the "cli" cases.
const CLI = {
  "lisa-grid250000": [
    "lisa",
    "--data",
    "bench/data/grid250000.csv",
    "--id",
    "id",
    "--weights",
    "bench/data/grid250000.gal",
    "--var",
    "y",
    "--permutations",
    "999",
    "--json",
  ],
  "lisa-25357": [
    "lisa",
    "--data",
    "bench/data/house.csv",
    "--id",
    "id",
    "--weights",
    "bench/data/house.gal",
    "--var",
    "log(price)",
    "--permutations",
    "9999",
    "--json",
  ],
  "concentration-4m": [
    "concentration",
    "--data",
    "bench/data/firms.csv",
    "--region",
    "region",
    "--industry",
    "industry",
    "--firm",
    "firm",
    "--value",
    "employment",
    "--json",
  ],
}

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

// GAL → SpatialWeights from the built package, by the route `jiju` takes for a GAL file (buildWeights).
const readWeights = async (path) => {
  const io = await import(join(dist, "io", "index.js"))
  const econ = await import(join(dist, "econometrics", "index.js"))
  const links = io.parseGalLinks(readFileSync(path, "utf8"))
  return econ.weightsFromLinks(links.ids, links.neighbours, undefined, "W")
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
  const grid = /^(slm|sem)-(grid\d+|knn\d+)$/.exec(name)
  if (grid) {
    const d = readCsv(join(data, `${grid[2]}.csv`))
    const w = await readWeights(join(data, `${grid[2]}.gal`))
    const { X, names } = design([
      ["(Intercept)", map(d.x1, () => 1)],
      ["x1", d.x1],
      ["x2", d.x2],
    ])
    const fit = grid[1] === "slm" ? econ.fitSpatialLag : econ.fitSpatialError
    return () => fit({ y: d.y, X, names, weights: w })
  }
  if (name === "moran-grid250000") {
    const d = readCsv(join(data, "grid250000.csv"))
    const w = await readWeights(join(data, "grid250000.gal"))
    return () => econ.moranTest(d.y, w, { permutations: 999, seed: 1 })
  }
  if (name === "assessment-3000") {
    const a = await import(join(dist, "assessment", "index.js"))
    const { scheme, input } = assessmentInput(a)
    return () => a.rankStability(scheme, a.runAssessment(scheme, input, "2025"), { draws: 1000, seed: 1 })
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

// A national-scale assessment: 3,000 zones (a third in city districts) × 60 indicators in 4 dimensions, given
// weights 1–5, one in six indicators negative, min–max normalisation within groups; values from a fixed LCG.
const assessmentInput = (a) => {
  const K = 60
  const N = 3000
  const scheme = a.decodeScheme({
    id: "national",
    name: { zh: "全国", en: "National" },
    totalPoints: 100,
    dimensions: [0, 1, 2, 3].map((d) => ({
      id: `d${d}`,
      name: { zh: `维度${d}`, en: `D${d}` },
      indicators: Array.from({ length: K / 4 }, (_, j) => ({
        code: `i${d}_${j}`,
        weight: 1 + ((d * 7 + j) % 5),
        direction: j % 6 === 5 ? "negative" : "positive",
      })),
    })),
    weighting: { method: "given" },
    normalisation: { method: "minmax" },
    normaliseWithin: "group",
    rewards: { urban_district: 30, county: 60 },
    veto: [],
  })
  let s = 12345
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 4294967296
  }
  const clusters = Array.from({ length: N }, (_, i) => ({ id: `z${i}`, name: `zone ${i}`, group: i % 3 === 0 ? "urban_district" : "county" }))
  const rows = []
  for (const z of clusters)
    for (let d = 0; d < 4; d++) for (let j = 0; j < K / 4; j++) rows.push({ clusterId: z.id, indicator: `i${d}_${j}`, period: "2025", value: 50 + 100 * rnd() })
  return { scheme, input: { clusters, value: a.valueLookup(rows) }, rows }
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

// Child mode for the log-determinant check: R's values on stdin, Jiju's and the differences out.
if (flag("--child-logdet")) {
  const econ = await import(join(dist, "econometrics", "index.js"))
  const ref = JSON.parse(readFileSync(0, "utf8"))
  const rows = []
  for (const [g, values] of Object.entries(ref)) {
    const w = await readWeights(join(data, `${g}.gal`))
    const ld = econ.sparseLogDeterminant(w)
    for (const v of values) {
      const ours = ld.logDet(v.rho)
      rows.push({ data: g, rho: v.rho, r: v.logdet, jiju: ours, abs: Math.abs(ours - v.logdet), rel: Math.abs(ours - v.logdet) / Math.abs(v.logdet) })
    }
  }
  process.stdout.write(`${JSON.stringify(rows)}\n`)
  process.exit(0)
}
// ---------- driver ----------
// Jiju's log-determinants against the committed references of R (bench/fixtures/logdet-<graph>.json, written by
// `Rscript bench/logdet.R <graph>`): no R needed, only the graph's GAL file in bench/data. Returns the rows.
const fixtureDir = join(root, "bench", "fixtures")
const logdetFixtureRows = () => {
  const rows = []
  if (!existsSync(fixtureDir)) return rows
  for (const f of readdirSync(fixtureDir).filter((x) => /^logdet-.+\.json$/.test(x))) {
    const ref = JSON.parse(readFileSync(join(fixtureDir, f), "utf8"))
    const present = Object.fromEntries(Object.entries(ref).filter(([g]) => existsSync(join(data, `${g}.gal`))))
    if (Object.keys(present).length === 0) continue
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child-logdet"], {
      cwd: root,
      encoding: "utf8",
      input: JSON.stringify(present),
      maxBuffer: 1 << 24,
    })
    if (child.status !== 0) throw new Error(`log-determinant check failed\n${child.stderr}`)
    rows.push(...JSON.parse(child.stdout.trim()))
  }
  return rows
}
// The 1e-10 of the issue, relative to |log|I − ρW|| (about 10⁴ at 250,000 units).
const LOGDET_TOLERANCE = 1e-10
const printLogdet = (x) =>
  console.log(`log|I − ${x.rho}W| ${x.data.padEnd(11)} R ${x.r}  Jiju ${x.jiju}  |Δ| ${x.abs.toExponential(2)} (relative ${x.rel.toExponential(2)})`)
if (flag("--logdet-fixtures")) {
  if (!existsSync(join(dist, "econometrics", "index.js"))) {
    console.error("packages/domain/dist is missing: run `pnpm build` first.")
    process.exit(1)
  }
  const rows = logdetFixtureRows()
  for (const x of rows) printLogdet(x)
  if (rows.length === 0) console.log("no committed log-determinant reference has its graph in bench/data (Rscript bench/generate-data.R writes them)")
  const bad = rows.filter((x) => !(x.rel <= LOGDET_TOLERANCE))
  if (bad.length > 0) console.error(`${bad.length} log-determinant(s) differ from R by more than ${LOGDET_TOLERANCE} (relative)`)
  process.exit(bad.length > 0 ? 1 : 0)
}
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

const only = args.flatMap((a, i) => (a === "--case" && args[i + 1] !== undefined ? [args[i + 1]] : []))
const selected = CASES.filter((c) => (only.length === 0 || only.includes(c.name)) && (!flag("--small") || c.n < 100000))
const needs = ["grid15625.gal", "grid250000.gal", "knn250000.gal", "firms.csv"]
if (selected.some((c) => c.n >= 15625 && c.name !== "slm-25357" && c.name !== "panel-200000") && needs.some((f) => !existsSync(join(data, f)))) {
  console.log("Generating the lattice, k-nearest-neighbour and firm data with Rscript bench/generate-data.R …")
  execFileSync("Rscript", [join(root, "bench", "generate-data.R")], { cwd: root, stdio: "inherit" })
}
const time = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined
const cliMain = join(root, "apps", "cli", "dist", "main.js")
const load = () => os.loadavg()[0]
// The whole `jiju` process for one run: wall seconds and (with /usr/bin/time) peak RSS.
const wholeProcess = (argv) => {
  const t = process.hrtime.bigint()
  const cmd = time ? [time, ["-f", "%M %U %S", process.execPath, ...argv]] : [process.execPath, argv]
  const p = spawnSync(cmd[0], cmd[1], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 })
  const seconds = Number(process.hrtime.bigint() - t) / 1e9
  if (p.status !== 0) throw new Error(p.stderr)
  const [kb, user, system] = time ? p.stderr.trim().split("\n").pop().split(" ").map(Number) : [Number.NaN, Number.NaN, Number.NaN]
  return { seconds, cpuSeconds: user + system, peakRssMB: kb / 1024, stdout: p.stdout }
}
const results = []
for (const c of selected) {
  const caseRuns = Math.min(runs, c.runs ?? runs)
  const before = load()
  let jiju
  try {
    if (c.cliOnly) {
      const whole = Array.from({ length: caseRuns }, () => wholeProcess([cliMain, ...CLI[c.name]]))
      // The whole process's CPU (all threads) stands in for the call's: there is no in-process timing here.
      jiju = {
        seconds: [],
        cpuSeconds: whole.map((x) => x.cpuSeconds),
        whole: whole.map((x) => x.seconds),
        peakRssMB: Math.max(...whole.map((x) => x.peakRssMB)),
      }
    } else {
      const child = wholeProcess([fileURLToPath(import.meta.url), "--child", "--case", c.name, "--runs", String(caseRuns)])
      jiju = JSON.parse(child.stdout.trim().split("\n").pop())
      // The whole process of one run: the same child when it ran once, otherwise a fresh one-run child.
      jiju.whole = [caseRuns === 1 ? child.seconds : wholeProcess([fileURLToPath(import.meta.url), "--child", "--case", c.name, "--runs", "1"]).seconds]
    }
  } catch (e) {
    console.error(`${c.name}: Jiju run failed\n${e.message}`)
    results.push({ ...c, jiju: undefined, r: undefined, load: before })
    continue
  }
  const whole = Array.isArray(c.cli) ? timeCli(c.cli) : undefined
  let r
  if (withR) {
    const rr = spawnSync("Rscript", [join(root, "bench", "bench.R"), c.name, String(caseRuns)], { cwd: root, encoding: "utf8" })
    if (rr.status === 0) r = JSON.parse(rr.stdout.trim().split("\n").pop())
    else console.error(`${c.name}: R run failed\n${rr.stderr}`)
  }
  const row = { ...c, jiju, r, whole, load: Math.max(before, load()) }
  results.push(row)
  const fmt = (x) => (x === undefined ? "—" : x.toFixed(3))
  const jm = jiju.seconds.length ? median(jiju.seconds) : undefined
  const jw = median(jiju.whole)
  const rm = r ? median(r.seconds) : undefined
  console.log(
    `${c.name.padEnd(17)} Jiju ${fmt(jm)} s, CPU ${fmt(jiju.cpuSeconds.length ? median(jiju.cpuSeconds) : undefined)} s, whole process ${fmt(jw)} s (${jiju.peakRssMB.toFixed(0)} MB)   R ${fmt(rm)} s${r ? `, CPU ${fmt(median(r.cpuSeconds))} s (${r.peakRssMB.toFixed(0)} MB)` : ""}   Jiju/R ${rm ? ((jm ?? jw) / rm).toFixed(2) : "—"}, whole/R ${rm ? (jw / rm).toFixed(2) : "—"}   load ${row.load.toFixed(1)}${whole ? `   whole jiju process ${fmt(median(whole.seconds))} s${whole.cpuSeconds ? `, CPU ${fmt(median(whole.cpuSeconds))} s` : ""}` : ""}`,
  )
}

// ---------- log-determinants against R ----------
// R's Matrix determinant of I − ρS (Cholesky) or I − ρW (LU) at three ρ for each data set, against Jiju's sparse
// factors (a child process, as the cases).
let logdetRows = []
if (withR && !flag("--small") && only.length === 0) {
  const rr = spawnSync("Rscript", [join(root, "bench", "logdet.R")], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 })
  if (rr.status === 0) {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child-logdet"], {
      cwd: root,
      encoding: "utf8",
      input: rr.stdout,
      maxBuffer: 1 << 24,
    })
    if (child.status === 0) {
      logdetRows = JSON.parse(child.stdout.trim())
      for (const x of logdetRows) printLogdet(x)
    } else console.error(`log-determinant check failed\n${child.stderr}`)
  } else console.error(`bench/logdet.R failed\n${rr.stderr}`)
}
// Without R (or with it): the committed references of the graphs R takes long to factorise.
if (!flag("--small") && only.length === 0) {
  const seen = new Set(logdetRows.map((x) => `${x.data} ${x.rho}`))
  const rows = logdetFixtureRows().filter((x) => !seen.has(`${x.data} ${x.rho}`))
  for (const x of rows) printLogdet(x)
  logdetRows = [...logdetRows, ...rows]
}

// ---------- docs/performance.md ----------
const cpu = os.cpus()[0]?.model ?? "unknown CPU"
const table = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores), Node ${process.version}, ${runs} runs per case (one for the cases of 250,000 units and the firm rows), load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} at the end.`,
  "",
  "| case | what | Jiju median (s) | Jiju whole process (s) | R median (s) | Jiju / R | whole / R | Jiju CPU (s) | R CPU (s) | Jiju peak RSS (MB) | R peak RSS (MB) | whole `jiju` process (s) | its CPU (s) | load |",
  "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...results.map((x) => {
    const jm = x.jiju?.seconds.length ? median(x.jiju.seconds) : undefined
    const jw = x.jiju ? median(x.jiju.whole) : undefined
    const rm = x.r ? median(x.r.seconds) : undefined
    const f = (v, d = 3) => (v === undefined || Number.isNaN(v) ? "—" : v.toFixed(d))
    const jc = x.jiju?.cpuSeconds.length ? median(x.jiju.cpuSeconds) : undefined
    const rc = x.r ? median(x.r.cpuSeconds) : undefined
    const wm = x.whole ? median(x.whole.seconds) : undefined
    const wc = x.whole?.cpuSeconds ? median(x.whole.cpuSeconds) : undefined
    return `| ${x.name} | ${x.what} | ${f(jm)} | ${f(jw)} | ${f(rm)} | ${jm !== undefined && rm ? (jm / rm).toFixed(2) : "—"} | ${jw !== undefined && rm ? (jw / rm).toFixed(2) : "—"} | ${f(jc)} | ${f(rc)} | ${f(x.jiju?.peakRssMB, 0)} | ${f(x.r?.peakRssMB, 0)} | ${f(wm)} | ${f(wc)} | ${x.load.toFixed(1)} |`
  }),
  ...(logdetRows.length
    ? [
        "",
        "log|I − ρW| against R (`bench/logdet.R`: `Matrix::determinant` of I − ρS by Cholesky for the grids, house sales and counties, of I − ρW by sparse LU for the k nearest neighbours):",
        "",
        "| data | ρ | R | Jiju | absolute difference | relative difference |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        ...logdetRows.map((x) => `| ${x.data} | ${x.rho} | ${x.r} | ${x.jiju} | ${x.abs.toExponential(1)} | ${x.rel.toExponential(1)} |`),
      ]
    : []),
].join("\n")
const doc = join(root, "docs", "performance.md")
if (existsSync(doc) && only.length === 0 && !flag("--small")) {
  const text = readFileSync(doc, "utf8")
  const start = "<!-- bench:start -->"
  const end = "<!-- bench:end -->"
  if (text.includes(start) && text.includes(end)) {
    writeFileSync(doc, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`)
    console.log("docs/performance.md updated")
  }
}
