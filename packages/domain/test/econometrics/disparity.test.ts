import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dagumGini, theilIndex } from "../../src/econometrics/disparity/index.js"
import { numericColumn, stringColumn } from "../../src/io/columns.js"
import { readCsv, readJson } from "./weightsFixtures.js"

interface DagumDoc {
  n: number
  mean: number
  gini: number
  within: number
  between: number
  transvariation: number
  groups: Array<{ name: string; n: number; mean: number; gini: number; population_share: number; value_share: number }>
  pairs: Array<{ groups: [string, string]; gini: number; d: number }>
  theil: { total: number; within: number; between: number; groups: Array<{ name: string; theil: number }> }
}
const fixture = readJson<{ pooled: DagumDoc; periods: Array<DagumDoc & { period: string }>; small: DagumDoc & { values: number[]; labels: string[] } }>(
  "disparity/dagum.json",
)

const rel = (a: number, b: number, what: string, tol = 1e-12) => {
  const err = Math.abs(a - b)
  if (!(err <= tol * Math.abs(b) || err < 1e-15)) throw new Error(`${what}: ${a} vs R ${b} (rel ${err / Math.abs(b)})`)
}

const compare = (values: ArrayLike<number>, groups: string[], R: DagumDoc, what: string) => {
  const d = dagumGini(values, groups)
  expect(d.n).toBe(R.n)
  rel(d.mean, R.mean, `${what} mean`)
  rel(d.gini, R.gini, `${what} gini`)
  rel(d.within, R.within, `${what} within`)
  rel(d.between, R.between, `${what} between`)
  rel(d.transvariation, R.transvariation, `${what} transvariation`)
  expect(d.groups.map((g) => g.name)).toEqual(R.groups.map((g) => g.name))
  d.groups.forEach((g, j) => {
    const Rg = R.groups[j]!
    expect(g.n).toBe(Rg.n)
    rel(g.gini, Rg.gini, `${what} G_jj ${g.name}`)
    rel(g.populationShare, Rg.population_share, `${what} p ${g.name}`)
    rel(g.valueShare, Rg.value_share, `${what} s ${g.name}`)
  })
  expect(d.pairs.map((p) => p.groups)).toEqual(R.pairs.map((p) => p.groups))
  d.pairs.forEach((p, k) => {
    rel(p.gini, R.pairs[k]!.gini, `${what} G_jh ${p.groups}`)
    rel(p.d, R.pairs[k]!.d, `${what} D_jh ${p.groups}`, 1e-11)
  })
  const t = theilIndex(values, groups)
  rel(t.total, R.theil.total, `${what} theil`)
  rel(t.within, R.theil.within, `${what} theil within`)
  rel(t.between, R.theil.between, `${what} theil between`)
  t.groups.forEach((g, j) => {
    rel(g.theil, R.theil.groups[j]!.theil, `${what} theil ${g.name}`)
  })
}

describe("Dagum Gini decomposition and Theil's T against the R reference (1e-12 relative)", () => {
  const data = readCsv("disparity/produc.csv")
  const gsp = numericColumn(data, "gsp")
  const emp = numericColumn(data, "emp")
  const productivity = gsp.map((g, i) => g / emp[i]!)
  const region = stringColumn(data, "region")
  const year = stringColumn(data, "year")

  it("Produc gsp/emp by 9 regions, pooled over 1970–1986", () => compare(productivity, region, fixture.pooled, "pooled"))

  it("Produc per year (17 periods)", () => {
    for (const P of fixture.periods) {
      const keep = year.flatMap((y, i) => (y === P.period ? [i] : []))
      compare(
        keep.map((i) => productivity[i]!),
        keep.map((i) => region[i]!),
        P,
        P.period,
      )
    }
  })

  it("a small case with a zero value and unequal group sizes", () => compare(fixture.small.values, fixture.small.labels, fixture.small, "small"))
})

describe("properties of the decompositions", () => {
  const sample = fc
    .array(fc.tuple(fc.double({ min: 0.01, max: 1000, noNaN: true }), fc.constantFrom("a", "b", "c")), { minLength: 9, maxLength: 60 })
    .filter((rows) => ["a", "b", "c"].every((g) => rows.filter((r) => r[1] === g).length >= 2))

  it("Dagum: G_w + G_nb + G_t = G; Theil: T_w + T_b = T", () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const v = rows.map((r) => r[0])
        const g = rows.map((r) => r[1])
        const d = dagumGini(v, g)
        expect(Math.abs(d.within + d.between + d.transvariation - d.gini)).toBeLessThan(1e-12)
        const t = theilIndex(v, g)
        expect(Math.abs(t.within + t.between - t.total)).toBeLessThan(1e-12)
      }),
    )
  })

  it("scale invariance: multiplying every value by c > 0 changes no Gini, D or Theil", () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (rows, c) => {
        const v = rows.map((r) => r[0])
        const g = rows.map((r) => r[1])
        const a = dagumGini(v, g)
        const b = dagumGini(
          v.map((x) => x * c),
          g,
        )
        for (const k of ["gini", "within", "between", "transvariation"] as const) expect(Math.abs(a[k] - b[k])).toBeLessThan(1e-12)
        a.pairs.forEach((p, i) => {
          expect(Math.abs(p.d - b.pairs[i]!.d)).toBeLessThan(1e-10)
        })
        expect(
          Math.abs(
            theilIndex(v, g).total -
              theilIndex(
                v.map((x) => x * c),
                g,
              ).total,
          ),
        ).toBeLessThan(1e-12)
      }),
    )
  })

  it("the order of the observations does not matter", () => {
    fc.assert(
      fc.property(sample, (rows) => {
        const shuffled = [...rows].reverse()
        const a = dagumGini(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        )
        const b = dagumGini(
          shuffled.map((r) => r[0]),
          shuffled.map((r) => r[1]),
        )
        expect(Math.abs(a.gini - b.gini)).toBeLessThan(1e-12)
        expect(Math.abs(a.between - b.between)).toBeLessThan(1e-12)
      }),
    )
  })
})

describe("bad input for the disparity measures", () => {
  it("a group with one member names the group and its row", () => {
    expect(() => dagumGini([1, 2, 3, 4, 5], ["a", "a", "b", "b", "c"])).toThrow(
      expect.objectContaining({ code: "singleton_group", message: expect.stringContaining('group "c" has a single member (row 5)') }),
    )
  })
  it("a constant variable, a negative value, one group, an all-zero group", () => {
    expect(() => dagumGini([2, 2, 2, 2], ["a", "a", "b", "b"])).toThrow(expect.objectContaining({ code: "constant_variable" }))
    expect(() => dagumGini([2, -1, 2, 3], ["a", "a", "b", "b"])).toThrow(expect.objectContaining({ code: "negative_value" }))
    expect(() => theilIndex([2, 1, 2, 3], ["a", "a", "a", "a"])).toThrow(expect.objectContaining({ code: "too_few_groups" }))
    expect(() => dagumGini([0, 0, 2, 3], ["a", "a", "b", "b"])).toThrow(expect.objectContaining({ code: "zero_mean_group" }))
  })
})
