import { describe, expect, it } from "vitest"
import {
  decodeScheme,
  decodeStarLadder,
  henan2017Scheme,
  henan2017SchemeJson,
  schemeWeights,
  serviceTwoZonesStarLadder,
  serviceTwoZonesStarLadderJson,
} from "../../src/assessment/index.js"
import { findIndicator } from "../../src/model/catalogue.js"
import { InputError } from "../../src/model/errors.js"

const errorOf = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    if (e instanceof InputError) return e
    throw e
  }
  throw new Error("expected an InputError")
}

describe("built-in schemes", () => {
  it("Henan 2017: 4 dimensions, 10 catalogue indicators, points summing to 100, 3 vetoes, top 10 / 30", () => {
    expect(henan2017Scheme.dimensions.map((d) => d.name.zh)).toEqual(["经济总量", "质量效益", "集群发展", "绿色发展"])
    const codes = henan2017Scheme.dimensions.flatMap((d) => d.indicators.map((i) => i.code))
    expect(codes).toHaveLength(10)
    for (const c of codes) expect(findIndicator(c)).toBeDefined()
    expect(henan2017Scheme.dimensions.flatMap((d) => d.indicators).reduce((a, i) => a + i.weight!, 0)).toBe(100)
    expect(henan2017Scheme.rewards).toEqual({ urban_district: 10, county: 30 })
    expect(henan2017Scheme.veto.map((v) => v.id)).toEqual(["no_master_plan", "serious_pollution", "land_violation"])
    expect(schemeWeights(henan2017Scheme)!.weights[0]).toBeCloseTo(0.12, 12)
  })

  it("service two zones: entry 2 / 0.3 / 0.12, one star 5 / 0.75 / 0.3, six stars 100 / 15 / 6", () => {
    const l = serviceTwoZonesStarLadder
    expect(l.entry.map((t) => t.min)).toEqual([2, 0.3, 0.12])
    expect(l.levels[0]!.thresholds.map((t) => t.min)).toEqual([5, 0.75, 0.3])
    expect(l.levels[5]!.thresholds.map((t) => t.min)).toEqual([100, 15, 6])
  })

  it("stars 2–5 are the geometric interpolation 5·20^(k/5) (and alike), three significant figures", () => {
    // 20^(1/5) = 1.820564…; 5 × 1.8206 = 9.103, × 1.8206² = 16.57, × 1.8206³ = 30.17, × 1.8206⁴ = 54.93.
    const va = serviceTwoZonesStarLadder.levels.slice(1, 5).map((l) => l.thresholds[0]!.min)
    expect(va).toEqual([9.1, 16.6, 30.2, 54.9])
    const tax = serviceTwoZonesStarLadder.levels.slice(1, 5).map((l) => l.thresholds[1]!.min)
    expect(tax).toEqual([1.37, 2.49, 4.53, 8.24]) // 0.75 × 1.8206^k: 1.365, 2.486, 4.525, 8.238
    const emp = serviceTwoZonesStarLadder.levels.slice(1, 5).map((l) => l.thresholds[2]!.min)
    expect(emp).toEqual([0.546, 0.994, 1.81, 3.3]) // 0.3 × 1.8206^k: 0.5462, 0.9944, 1.8103, 3.2958
  })
})

describe("decodeScheme errors name the field in English and Chinese", () => {
  it("a missing key and a wrong method", () => {
    const { totalPoints: _, ...rest } = henan2017SchemeJson
    const e = errorOf(() => decodeScheme({ ...rest, normalisation: { method: "log" } }))
    const columns = e.issues!.map((i) => i.column)
    expect(columns).toContain("totalPoints")
    expect(columns.some((c) => c?.startsWith("normalisation"))).toBe(true)
    expect(e.issues!.find((i) => i.column === "totalPoints")!.zh).toContain("缺少必填字段")
  })

  it("a null weight under given weighting", () => {
    const json = structuredClone(henan2017SchemeJson) as unknown as { dimensions: { indicators: { weight: number | null }[] }[] }
    json.dimensions[1]!.indicators[2]!.weight = null
    const e = errorOf(() => decodeScheme(json))
    expect(e.code).toBe("invalid_scheme")
    expect(e.issues![0]!.column).toBe("dimensions.1.indicators.2.weight")
    expect(e.issues![0]!.en).toContain('weighting is "given"')
    expect(e.issues![0]!.zh).toContain("须给出权重")
  })

  it("an AHP matrix of the wrong size, and one that is not reciprocal", () => {
    const base = {
      ...henan2017SchemeJson,
      weighting: {
        method: "ahp",
        level: "dimensions",
        matrix: [
          [1, 2],
          [0.5, 1],
        ],
      },
    }
    expect(errorOf(() => decodeScheme(base)).issues![0]!.column).toBe("weighting.matrix")
    const bad = {
      ...base,
      weighting: {
        method: "ahp",
        level: "dimensions",
        matrix: [
          [1, 2, 3, 4],
          [0.5, 1, 2, 3],
          [1 / 3, 0.5, 1, 2],
          [0.25, 1 / 3, 0.4, 1],
        ],
      },
    }
    const e = errorOf(() => decodeScheme(bad))
    expect(e.issues![0]).toMatchObject({ column: "weighting.matrix" })
    expect(e.issues![0]!.zh).toContain("倒数")
  })

  it("dimension-level AHP spreads each dimension's weight over its indicators by their points", () => {
    const s = decodeScheme({
      ...henan2017SchemeJson,
      weighting: {
        method: "ahp",
        level: "dimensions",
        matrix: [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
      },
    })
    const w = schemeWeights(s)!
    // Equal dimensions (1/4 each); economic scale 12/10/8 of 30 → 0.1, 0.0833, 0.0667.
    expect(w.weights[0]).toBeCloseTo(0.25 * (12 / 30), 12)
    expect(w.weights[2]).toBeCloseTo(0.25 * (8 / 30), 12)
    expect(w.ahp!.cr).toBeCloseTo(0, 12)
  })

  it("entropy with z-scores is refused", () => {
    const e = errorOf(() => decodeScheme({ ...henan2017SchemeJson, weighting: { method: "entropy" }, normalisation: { method: "zscore" } }))
    expect(e.issues![0]!.column).toBe("weighting.method")
  })

  it("a star ladder whose thresholds fall is refused at the offending field", () => {
    const json = structuredClone(serviceTwoZonesStarLadderJson) as unknown as { levels: { thresholds: { min: number }[] }[] }
    json.levels[2]!.thresholds[1]!.min = 1
    const e = errorOf(() => decodeStarLadder(json))
    expect(e.issues![0]!.column).toBe("levels.2.thresholds.1.min")
    expect(e.issues![0]!.zh).toContain("高星级要求不能更低")
  })

  it("an indicator outside the catalogue needs a direction", () => {
    const json = structuredClone(henan2017SchemeJson) as unknown as { dimensions: { indicators: { code: string }[] }[] }
    json.dimensions[0]!.indicators[0]!.code = "my_index"
    const e = errorOf(() => decodeScheme(json))
    expect(e.issues![0]!.column).toBe("dimensions.0.indicators.0.direction")
  })
})
