import { describe, expect, it } from "vitest"
import { checkBandwidth, type GwrData, type GwrKernel, gwr, gwrScore, selectBandwidth } from "../../src/econometrics/gwr/index.js"
import { fromColumns } from "../../src/econometrics/linalg/index.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import { readCsv, readJson } from "./weightsFixtures.js"

interface RCase {
  name: string
  kernel: GwrKernel
  adaptive: boolean
  bandwidth: number
  names: string[]
  ids: string[]
  n: number
  rss: number
  trace_s: number
  trace_sts: number
  enp: number
  edf: number
  sigma2: number
  aic: number
  aicc: number
  r2: number
  adj_r2: number
  betas: number[][]
  se: number[][]
  fitted: number[]
  local_r2: number[]
}
interface RAdaptive {
  k: number
  score: number
  ks: number[]
  scores: number[]
}
interface RFixed {
  bandwidth: number
  score: number
}
const fixture = readJson<{
  ols_columbus: { coefficients: number[] }
  columbus_nn_max: number
  cases: RCase[]
  selection: Record<string, RAdaptive | RFixed>
}>("gwr/gwr.json")

const columbus = (): GwrData => {
  const d = readCsv("weights/columbus.csv")
  const one = new Float64Array(d.rows.length).fill(1)
  return {
    ids: stringColumn(d, "POLYID"),
    x: fromColumns([one, numericColumn(d, "INC"), numericColumn(d, "HOVAL")]),
    y: numericColumn(d, "CRIME"),
    names: ["(Intercept)", "INC", "HOVAL"],
    coords: { x: numericColumn(d, "X"), y: numericColumn(d, "Y") },
  }
}
const boston = (): GwrData => {
  const d = readCsv("gwr/boston.csv")
  const one = new Float64Array(d.rows.length).fill(1)
  return {
    ids: stringColumn(d, "id"),
    x: fromColumns([one, numericColumn(d, "RM"), numericColumn(d, "LSTAT").map(Math.log), numericColumn(d, "CRIM")]),
    y: numericColumn(d, "CMEDV").map(Math.log),
    names: ["(Intercept)", "RM", "log(LSTAT)", "CRIM"],
    coords: { x: numericColumn(d, "x"), y: numericColumn(d, "y") },
  }
}

const rel = (a: number, b: number, what: string, tol = 1e-8) => {
  if (!(Math.abs(a - b) <= tol * Math.max(1e-8, Math.abs(b)))) throw new Error(`${what}: ${a} vs R ${b} (rel ${Math.abs(a - b) / Math.abs(b)})`)
}

describe("GWR against the R reference (GWmodel definitions), 1e-8 relative", () => {
  for (const R of fixture.cases) {
    it(`${R.name}: β, SE, local R², σ², tr S, tr SᵀS, AIC, AICc, R²`, () => {
      const data = R.name.startsWith("columbus") ? columbus() : boston()
      const f = gwr(data, R.kernel, { adaptive: R.adaptive, value: R.bandwidth })
      for (const k of ["rss", "sigma2", "aic", "aicc", "r2", "enp", "edf"] as const) rel(f[k], R[k], `${R.name} ${k}`)
      rel(f.adjR2, R.adj_r2, `${R.name} adj r2`)
      rel(f.traceS, R.trace_s, `${R.name} tr S`)
      rel(f.traceStS, R.trace_sts, `${R.name} tr SᵀS`)
      f.rows.forEach((row, i) => {
        expect(row.id).toBe(R.ids[i])
        row.coefficients.forEach((b, k) => {
          rel(b, R.betas[i]![k]!, `${R.name} β[${i}][${k}]`)
        })
        row.se.forEach((s, k) => {
          rel(s, R.se[i]![k]!, `${R.name} se[${i}][${k}]`)
        })
        rel(row.fitted, R.fitted[i]!, `${R.name} fitted ${i}`)
        rel(row.localR2, R.local_r2[i]!, `${R.name} local R² ${i}`)
      })
    })
  }

  it("second route: a huge gaussian bandwidth gives OLS at every point (tr S = p)", () => {
    const f = gwr(columbus(), "gaussian", { adaptive: false, value: 1e7 })
    for (const row of f.rows)
      row.coefficients.forEach((b, k) => {
        rel(b, fixture.ols_columbus.coefficients[k]!, `β ${k}`, 1e-6)
      })
    expect(Math.abs(f.traceS - 3)).toBeLessThan(1e-6)
  })

  it("the selection scores equal R's at every adaptive K (bisquare AICc and CV, gaussian AICc)", () => {
    const data = columbus()
    for (const [key, kernel, criterion] of [
      ["columbus_bisquare_adaptive_aicc", "bisquare", "aicc"],
      ["columbus_bisquare_adaptive_cv", "bisquare", "cv"],
      ["columbus_gaussian_adaptive_aicc", "gaussian", "aicc"],
    ] as const) {
      const R = fixture.selection[key] as RAdaptive
      R.ks.forEach((k, t) => {
        const s = gwrScore(data, kernel, { adaptive: true, value: k }, criterion)
        if (R.scores[t] === null || !Number.isFinite(R.scores[t]!)) expect(s).toBe(Number.POSITIVE_INFINITY)
        else rel(s, R.scores[t]!, `${key} K = ${k}`)
      })
    }
  })
})

describe("bandwidth selection against R's brute force and Brent searches", () => {
  it("adaptive K: the golden-section search finds R's global minimum (Columbus, three criteria; Boston AICc)", () => {
    const cases = [
      ["columbus_bisquare_adaptive_aicc", columbus, "bisquare", "aicc"],
      ["columbus_bisquare_adaptive_cv", columbus, "bisquare", "cv"],
      ["columbus_gaussian_adaptive_aicc", columbus, "gaussian", "aicc"],
      ["boston_bisquare_adaptive_aicc", boston, "bisquare", "aicc"],
    ] as const
    for (const [key, data, kernel, criterion] of cases) {
      const R = fixture.selection[key] as RAdaptive
      const s = selectBandwidth(data(), kernel, { adaptive: true, criterion })
      expect(s.bandwidth, key).toBe(R.k)
      rel(s.score, R.score, `${key} score`)
    }
  })

  it("fixed gaussian: AICc and CV minima within 1e-4 of R's optimize(), scores within 1e-9", () => {
    for (const [key, criterion] of [
      ["columbus_gaussian_fixed_aicc", "aicc"],
      ["columbus_gaussian_fixed_cv", "cv"],
    ] as const) {
      const R = fixture.selection[key] as RFixed
      const s = selectBandwidth(columbus(), "gaussian", { adaptive: false, criterion })
      expect(Math.abs(s.bandwidth / R.bandwidth - 1), key).toBeLessThan(1e-4)
      expect(s.score - R.score, key).toBeLessThan(1e-9 * Math.abs(R.score))
      expect(s.range[0]).toBeCloseTo(fixture.columbus_nn_max, 12)
    }
  })
})

describe("bad input for GWR", () => {
  const data = columbus()
  it("a fixed bandwidth below a point's nearest-neighbour distance names the point", () => {
    expect(() => gwr(data, "gaussian", { adaptive: false, value: 1 })).toThrow(
      expect.objectContaining({ code: "bandwidth_below_nearest_neighbour", message: expect.stringMatching(/point "\d+" \(row \d+\)/) }),
    )
  })
  it("too few points inside a bisquare bandwidth; too few adaptive neighbours; a non-whole K", () => {
    expect(() => gwr(data, "bisquare", { adaptive: false, value: 3.5 })).toThrow(expect.objectContaining({ code: "too_few_in_bandwidth" }))
    expect(() => checkBandwidth(data, "gaussian", { adaptive: false, value: -1 })).toThrow(expect.objectContaining({ code: "bad_bandwidth" }))
    expect(() => gwr(data, "bisquare", { adaptive: true, value: 3 })).toThrow(expect.objectContaining({ code: "bad_neighbours" }))
    expect(() => gwr(data, "gaussian", { adaptive: true, value: 7.5 })).toThrow(expect.objectContaining({ code: "bad_neighbours" }))
    expect(() => gwr(data, "gaussian", { adaptive: true, value: 50 })).toThrow(expect.objectContaining({ code: "bad_neighbours" }))
  })
  it("a locally constant regressor makes a singular local regression, named", () => {
    const d = readCsv("weights/columbus.csv")
    const n = d.rows.length
    const dummy = Float64Array.from(numericColumn(d, "X"), (x) => (x > 45 ? 1 : 0))
    const local: GwrData = { ...data, x: fromColumns([new Float64Array(n).fill(1), dummy]), names: ["(Intercept)", "east"] }
    expect(() => gwr(local, "bisquare", { adaptive: true, value: 4 })).toThrow(expect.objectContaining({ code: "singular_local_design" }))
  })
  it("duplicate locations with a small adaptive K", () => {
    const moved = (v: ArrayLike<number>) => Array.from(v, (c, i) => (i < 6 ? 1 : c))
    const twin: GwrData = { ...data, coords: { x: moved(data.coords.x), y: moved(data.coords.y) } }
    expect(() => gwr(twin, "gaussian", { adaptive: true, value: 5 })).toThrow(expect.objectContaining({ code: "duplicate_locations" }))
  })
})
