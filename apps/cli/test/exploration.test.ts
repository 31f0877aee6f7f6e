import { readFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { golden, relClose, tempFiles, wfile } from "./spatial.js"

// jiju geary, hotspots, moran/lisa --with, gwr, threshold, disparity, density and markov: the JSON contracts, the
// numbers of the R references (the domain's golden fixtures), the readable tables, CSV, and the bad-input errors.
const fixtures = fileURLToPath(new URL("../../../packages/domain/test/fixtures/", import.meta.url))
const fx = (rel: string) => join(fixtures, rel)
const columbus = ["--data", wfile("columbus.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal")]
const produc = fx("disparity/produc.csv")
const errorOf = (r: { json: () => unknown }) => (r.json() as { error: { code: string; message: string } }).error

/** One-line error on stderr, exit 1, the code in the JSON. */
const expectError = (r: { code: number; stderr: string; json: () => unknown }, code: string) => {
  expect(r.code, r.stderr).toBe(1)
  expect(errorOf(r).code).toBe(code)
  expect(r.stderr.trim().split("\n")).toHaveLength(1)
  return errorOf(r).message
}

describe("jiju geary", () => {
  it("Columbus CRIME: the JSON contract and spdep geary.test to 1e-10", async () => {
    const R = golden<{ results: Record<string, Record<string, number>> }>("autocorrelation/geary_columbus.json").results.CRIME_W!
    const r = await runCli(["geary", ...columbus, "--var", "CRIME", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const out = r.json() as Record<string, number | null>
    expect(Object.keys(out)).toEqual([
      "n",
      "C",
      "expected",
      "variance_normality",
      "z_normality",
      "p_normality",
      "variance_randomization",
      "z_randomization",
      "p_randomization",
      "permutations",
      "p_permutation",
      "p_permutation_positive",
    ])
    for (const k of ["C", "variance_randomization", "z_randomization", "p_randomization", "variance_normality", "z_normality", "p_normality"])
      expect(relClose(out[k]!, R[k]!), `${k}: ${out[k]} vs R ${R[k]}`).toBe(true)
  })

  it("prints a readable table; --format csv gives the inference rows", async () => {
    const t = await runCli(["geary", ...columbus, "--var", "CRIME"])
    expect(t.stdout).toContain("Geary's C of CRIME: 0.547803")
    expect(t.stdout).toMatch(/randomisation\s+0\.009804/)
    const csv = await runCli(["geary", ...columbus, "--var", "CRIME", "--format", "csv"])
    expect(csv.code).toBe(0)
    expect(csv.stdout).toContain("randomisation,0.009804,4.566919")
  })

  it("bad input: a constant variable is a precise one-line error", async () => {
    const csv = readFileSync(wfile("columbus.csv"), "utf8")
      .split("\n")
      .map((l, i) => (i === 0 || l === "" ? l : l.replace(/^(\d+),[^,]+,/, "$1,7,")))
      .join("\n")
    const dir = tempFiles({ "flat.csv": csv })
    const r = await runCli(["geary", "--data", join(dir, "flat.csv"), "--id", "POLYID", "--weights", wfile("columbus.gal"), "--var", "CRIME", "--json"])
    expect(expectError(r, "constant_variable")).toContain("Geary's C")
  })
})

describe("jiju hotspots", () => {
  it("G*_i with include.self: z as spdep localG, classes, FDR", async () => {
    const R = golden<{ results: Record<string, { local: Array<{ id: string; z: number; class: string; p_fdr: number; class_fdr: string }> }> }>(
      "autocorrelation/localg_columbus.json",
    ).results.CRIME_gal_star_W!.local
    const r = await runCli(["hotspots", ...columbus, "--var", "CRIME", "--star", "--fdr", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as { statistic: string; fdr: boolean; counts: Record<string, number>; rows: Array<Record<string, unknown>> }
    expect(doc.statistic).toBe("G*")
    expect(Object.keys(doc.rows[0]!)).toEqual(["id", "G", "expected", "variance", "z", "p", "p_fdr", "class"])
    doc.rows.forEach((row, i) => {
      expect(row.id).toBe(R[i]!.id)
      expect(relClose(row.z as number, R[i]!.z)).toBe(true)
      expect(relClose(row.p_fdr as number, R[i]!.p_fdr)).toBe(true)
      expect(row.class).toBe(R[i]!.class_fdr)
    })
    expect(Object.values(doc.counts).reduce((a, b) => a + b, 0)).toBe(49)
  })

  it("prints hot and cold spots in both languages", async () => {
    const r = await runCli(["hotspots", ...columbus, "--var", "CRIME", "--star"])
    expect(r.stdout).toMatch(/热点 hot 99%/)
    expect(r.stdout).toMatch(/冷点 cold/)
  })
})

describe("jiju moran --with / jiju lisa --with", () => {
  it("bivariate Moran's I as GeoDa (spdep moran_bv), 999 permutations by default, seeded", async () => {
    const R = golden<{ results: Record<string, { I: number; local: Array<{ Ii: number; quadrant: string }> }> }>("autocorrelation/bivariate_columbus.json")
      .results.CRIME_INC_W!
    const r = await runCli(["moran", ...columbus, "--var", "CRIME", "--with", "INC", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as Record<string, unknown>
    expect(relClose(doc.I as number, R.I)).toBe(true)
    expect(doc).toMatchObject({ var: "CRIME", with: "INC", permutations: 999 })
    const again = (await runCli(["moran", ...columbus, "--var", "CRIME", "--with", "INC", "--json"])).json()
    expect(again).toEqual(doc)
    const l = await runCli(["lisa", ...columbus, "--var", "CRIME", "--with", "INC", "--permutations", "99", "--json"])
    const rows = (l.json() as { rows: Array<{ Ii: number; quadrant: string }> }).rows
    rows.forEach((row, i) => {
      expect(relClose(row.Ii, R.local[i]!.Ii)).toBe(true)
      expect(row.quadrant).toBe(R.local[i]!.quadrant)
    })
  })

  it("geary has no --with", async () => {
    const r = await runCli(["geary", ...columbus, "--var", "CRIME", "--with", "INC", "--json"])
    expect(r.code).toBe(2)
    expect(errorOf(r).code).toBe("usage")
  })
})

describe("jiju gwr", () => {
  type Case = {
    name: string
    kernel: string
    adaptive: boolean
    bandwidth: number
    aicc: number
    aic: number
    sigma2: number
    trace_s: number
    betas: number[][]
    se: number[][]
    local_r2: number[]
  }
  const cases = golden<{ cases: Case[]; selection: Record<string, { k: number; score: number }> }>("gwr/gwr.json")

  it("Columbus, fixed gaussian 3.5: GWmodel's diagnostics and local estimates (R reference, 1e-8)", async () => {
    const R = cases.cases.find((c) => c.name === "columbus gaussian fixed 3.5")!
    const r = await runCli([
      "gwr",
      "--data",
      wfile("columbus.csv"),
      "--id",
      "POLYID",
      "--formula",
      "CRIME ~ INC + HOVAL",
      "--coords",
      "X,Y",
      "--kernel",
      "gaussian",
      "--bandwidth",
      "3.5",
      "--json",
    ])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as Record<string, unknown> & {
      rows: Array<{ id: string; coefficients: Record<string, { estimate: number; se: number }>; local_r2: number }>
    }
    for (const k of ["bandwidth", "adaptive", "aicc", "aic", "r2", "effective_parameters", "sigma2", "rows", "definitions", "selection"])
      expect(doc).toHaveProperty(k)
    expect(doc.selection).toBeNull()
    expect(relClose(doc.aicc as number, R.aicc, 1e-8)).toBe(true)
    expect(relClose(doc.effective_parameters as number, R.trace_s, 1e-8)).toBe(true)
    expect(relClose(doc.sigma2 as number, R.sigma2, 1e-8)).toBe(true)
    doc.rows.forEach((row, i) => {
      expect(relClose(row.coefficients.INC!.estimate, R.betas[i]![1]!, 1e-8)).toBe(true)
      expect(relClose(row.coefficients.HOVAL!.se, R.se[i]![2]!, 1e-8)).toBe(true)
      expect(relClose(row.local_r2, R.local_r2[i]!, 1e-8)).toBe(true)
    })
  })

  it("--select aicc with the bisquare kernel searches adaptive K (R's brute-force minimum)", async () => {
    const r = await runCli([
      "gwr",
      "--data",
      wfile("columbus.csv"),
      "--formula",
      "CRIME ~ INC + HOVAL",
      "--coords",
      "X,Y",
      "--kernel",
      "bisquare",
      "--select",
      "aicc",
      "--json",
    ])
    const doc = r.json() as { adaptive: boolean; bandwidth: number; aicc: number; selection: { criterion: string } }
    expect(doc.adaptive).toBe(true)
    expect(doc.bandwidth).toBe(cases.selection.columbus_bisquare_adaptive_aicc!.k)
    expect(relClose(doc.aicc, cases.selection.columbus_bisquare_adaptive_aicc!.score, 1e-8)).toBe(true)
    expect(doc.selection.criterion).toBe("aicc")
    const t = await runCli([
      "gwr",
      "--data",
      wfile("columbus.csv"),
      "--formula",
      "CRIME ~ INC + HOVAL",
      "--coords",
      "X,Y",
      "--kernel",
      "bisquare",
      "--neighbours",
      "24",
    ])
    expect(t.stdout).toContain("adaptive bandwidth K = 24")
    expect(t.stdout).toMatch(/effective parameters tr\(S\)/)
  })

  it("bad input: a bandwidth below a point's nearest neighbour; bandwidth flags that exclude each other", async () => {
    const base = ["gwr", "--data", wfile("columbus.csv"), "--id", "POLYID", "--formula", "CRIME ~ INC + HOVAL", "--coords", "X,Y", "--kernel", "gaussian"]
    const low = await runCli([...base, "--bandwidth", "1", "--json"])
    expect(expectError(low, "bandwidth_below_nearest_neighbour")).toMatch(/point "\d+" \(row \d+\)/)
    const both = await runCli([...base, "--bandwidth", "4", "--neighbours", "10", "--json"])
    expect(both.code).toBe(2)
    expect(errorOf(both).code).toBe("usage")
  })
})

describe("jiju threshold", () => {
  type Th = { estimate: number; ci_low: number; ci_high: number; f_statistic: number }
  const R =
    golden<Record<string, { thresholds: Th[]; coefficients: Array<{ name: string; estimate: number; cluster_se: number }> }>>("threshold/threshold.json")
  const args = [
    "threshold",
    "--data",
    fx("threshold/produc.csv"),
    "--unit",
    "state",
    "--period",
    "year",
    "--formula",
    "log(gsp) ~ lpc + log(emp)",
    "--threshold-var",
    "unemp",
    "--regime-var",
    "lpcap",
  ]

  it("one threshold: estimate, interval, F and regime coefficients as the R reference and plm", async () => {
    const r = await runCli([...args, "--bootstrap", "0", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as { thresholds: Array<Th & { p: number | null }>; coefficients: Array<{ name: string; estimate: number; cluster_se: number }> }
    const t = doc.thresholds[0]!
    expect([t.estimate, t.ci_low, t.ci_high]).toEqual([
      R.produc_1!.thresholds[0]!.estimate,
      R.produc_1!.thresholds[0]!.ci_low,
      R.produc_1!.thresholds[0]!.ci_high,
    ])
    expect(relClose(t.f_statistic, R.produc_1!.thresholds[0]!.f_statistic, 1e-7)).toBe(true)
    expect(t.p).toBeNull()
    expect(doc.coefficients.map((c) => c.name)).toEqual(["lpc", "log(emp)", "lpcap:regime1", "lpcap:regime2"])
    doc.coefficients.forEach((c, j) => {
      expect(relClose(c.estimate, R.produc_1!.coefficients[j]!.estimate, 1e-8)).toBe(true)
      expect(relClose(c.cluster_se, R.produc_1!.coefficients[j]!.cluster_se, 1e-8)).toBe(true)
    })
  })

  it("bootstrap p-values are reproducible by seed; the table names the regimes", async () => {
    const a = (await runCli([...args, "--bootstrap", "40", "--seed", "9", "--json"])).json()
    const b = (await runCli([...args, "--bootstrap", "40", "--seed", "9", "--json"])).json()
    expect(a).toEqual(b)
    const t = await runCli([...args, "--thresholds", "2", "--bootstrap", "20"])
    expect(t.stdout).toContain("lpcap:regime3")
    expect(t.stdout).toMatch(/γ2/)
  })

  it("bad input: fewer candidates than the trim allows; the regime variable repeated in the formula", async () => {
    const few = await runCli([...args, "--thresholds", "3", "--trim", "0.3", "--json"])
    expect(expectError(few, "too_few_candidates")).toContain("threshold 3")
    const twice = await runCli([...args.slice(0, 8), "log(gsp) ~ lpc + lpcap", ...args.slice(9), "--json"])
    expectError(twice, "regime_in_formula")
  })
})

describe("jiju disparity", () => {
  const R = golden<{ periods: Array<{ period: string; gini: number; within: number; between: number; transvariation: number; theil: { total: number } }> }>(
    "disparity/dagum.json",
  )

  it("per period: Dagum's decomposition and Theil's T as the R reference", async () => {
    const r = await runCli(["disparity", "--data", produc, "--group", "region", "--value", "gsp / emp", "--period-col", "year", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as {
      periods: Array<{
        period: string
        gini: number
        within: number
        between: number
        transvariation: number
        theil: { total: number }
        groups: Record<string, { gini: number }>
      }>
    }
    expect(doc.periods.map((p) => p.period)).toEqual(R.periods.map((p) => p.period))
    doc.periods.forEach((p, k) => {
      for (const key of ["gini", "within", "between", "transvariation"] as const) expect(relClose(p[key], R.periods[k]![key], 1e-12)).toBe(true)
      expect(relClose(p.theil.total, R.periods[k]!.theil.total, 1e-12)).toBe(true)
      expect(Math.abs(p.within + p.between + p.transvariation - p.gini)).toBeLessThan(1e-14)
    })
    const one = await runCli(["disparity", "--data", produc, "--group", "region", "--value", "gsp / emp", "--period-col", "year", "--period", "1986", "--json"])
    expect((one.json() as { period: string; gini: number }).gini).toBe(doc.periods[16]!.gini)
  })

  it("prints the decomposition with contribution shares", async () => {
    const r = await runCli(["disparity", "--data", produc, "--group", "region", "--value", "gsp / emp", "--period-col", "year", "--period", "1986"])
    expect(r.stdout).toMatch(/组间 between G_nb\s+0\.0371\s+64\.19%/)
    expect(r.stdout).toContain("超变密度 transvariation")
  })

  it("bad input: a group with one member names the group, its row and the period", async () => {
    const r = await runCli(["disparity", "--data", produc, "--group", "state", "--value", "gsp / emp", "--period-col", "year", "--json"])
    expect(expectError(r, "singleton_group")).toMatch(/^period 1970: group "ALABAMA" has a single member \(row 1\)/)
  })
})

describe("jiju density", () => {
  it("per period: R density() defaults (bandwidth and curve)", async () => {
    const R = golden<{ cases: Record<string, { bandwidth: number; x: number[]; y: number[] }> }>("distribution/density.json").cases.produc_1970!
    const r = await runCli(["density", "--data", produc, "--value", "gsp / emp", "--period-col", "year", "--json"])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as { periods: Array<{ period: string; bandwidth: number; x: number[]; y: number[] }> }
    const p = doc.periods[0]!
    expect(p.period).toBe("1970")
    expect(relClose(p.bandwidth, R.bandwidth, 1e-12)).toBe(true)
    expect(p.x).toHaveLength(512)
    const peak = Math.max(...R.y)
    p.y.forEach((v, t) => {
      expect(Math.abs(v - R.y[t]!)).toBeLessThan(1e-9 * peak)
    })
  })

  it("--format csv writes all 512 points per period; the terminal shows a sample", async () => {
    const csv = await runCli(["density", "--data", produc, "--value", "gsp / emp", "--period-col", "year", "--format", "csv"])
    expect(csv.code).toBe(0)
    expect(csv.stdout.split("\r\n").filter((l) => /^[\d.e-]+,[\d.e-]+$/.test(l)).length).toBe(17 * 512)
    const t = await runCli(["density", "--data", produc, "--value", "gsp / emp"])
    expect(t.stdout).toContain("带宽 bandwidth")
  })

  it("bad input: a constant variable", async () => {
    const dir = tempFiles({ "flat.csv": "id,v\na,3\nb,3\nc,3\n" })
    expectError(await runCli(["density", "--data", join(dir, "flat.csv"), "--value", "v", "--json"]), "constant_variable")
  })
})

describe("jiju markov", () => {
  const R = golden<{ cases: Record<string, { chain: { counts: number[][]; steady_state: number[] }; chains?: Array<{ counts: number[][] }> }> }>(
    "markov/markov.json",
  ).cases

  it("classic and spatial chains as the R reference (giddy conventions)", async () => {
    const r = await runCli([
      "markov",
      "--data",
      produc,
      "--id",
      "state",
      "--period",
      "year",
      "--var",
      "gsp / emp",
      "--classes",
      "4",
      "--weights",
      fx("markov/us_states.gal"),
      "--json",
    ])
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as { classic: { counts: number[][]; steady_state: number[] }; spatial: { chains: Array<{ lag_class: number; counts: number[][] }> } }
    expect(doc.classic.counts).toEqual(R.spatial_pooled_4!.chain.counts)
    doc.classic.steady_state.forEach((v, i) => {
      expect(relClose(v, R.spatial_pooled_4!.chain.steady_state[i]!, 1e-10)).toBe(true)
    })
    expect(doc.spatial.chains.map((c) => c.counts)).toEqual(R.spatial_pooled_4!.chains!.map((c) => c.counts))
    const per = await runCli([
      "markov",
      "--data",
      produc,
      "--id",
      "state",
      "--period",
      "year",
      "--var",
      "gsp / emp",
      "--classes",
      "5",
      "--classify",
      "period",
      "--json",
    ])
    expect((per.json() as { classic: { counts: number[][] }; spatial: null }).classic.counts).toEqual(R.classic_period_5!.chain.counts)
    expect((per.json() as { spatial: null }).spatial).toBeNull()
  })

  it("prints the matrices; bad input: an unbalanced panel names the missing unit and period", async () => {
    const t = await runCli(["markov", "--data", produc, "--id", "state", "--period", "year", "--var", "gsp / emp", "--classes", "4"])
    expect(t.stdout).toContain("稳态 steady state")
    const lines = readFileSync(produc, "utf8").split("\n")
    const dir = tempFiles({ "gap.csv": [lines[0], ...lines.slice(2)].join("\n") })
    const r = await runCli(["markov", "--data", join(dir, "gap.csv"), "--id", "state", "--period", "year", "--var", "gsp / emp", "--classes", "4", "--json"])
    expect(expectError(r, "unbalanced_panel")).toContain('unit "ALABAMA" has no row for period "1970"')
  })
})
