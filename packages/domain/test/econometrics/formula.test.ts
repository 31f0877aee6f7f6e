import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { evaluateExpression, modelFrame, parseFormula } from "../../src/econometrics/formula/index.js"
import { qrCoefficients, qrDecompose } from "../../src/econometrics/linalg/index.js"
import { parseCsv } from "../../src/io/csv.js"
import type { DataTable } from "../../src/io/DataTable.js"
import type { InputError } from "../../src/model/errors.js"

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ols/${name}`, import.meta.url), "utf8")

const table = (columns: string[], rows: Array<Array<string | number | null>>): DataTable => ({
  columns,
  rows: rows.map((r) => Object.fromEntries(columns.map((c, j) => [c, r[j] ?? null]))),
})

const caught = (f: () => unknown): InputError => {
  try {
    f()
  } catch (e) {
    return e as InputError
  }
  throw new Error("expected an error")
}

describe("parseFormula", () => {
  it("expands crossing, interactions, I() and no-intercept like R", () => {
    const f = parseFormula("log(y) ~ a + log(b) + I(c ^ 2) + d:e + a*b - 1")
    expect(f.response.label).toBe("log(y)")
    expect(f.intercept).toBe(false)
    expect(f.terms.map((t) => t.label)).toEqual(["a", "log(b)", "I(c^2)", "b", "d:e", "a:b"])
    expect(parseFormula("y ~ 0 + x").intercept).toBe(false)
    expect(parseFormula("y ~ x").intercept).toBe(true)
    expect(parseFormula("y ~ a*b - a:b").terms.map((t) => t.label)).toEqual(["a", "b"])
  })
  it("reports syntax errors with a position", () => {
    const e = caught(() => parseFormula("y ~ a + (b"))
    expect(e.code).toBe("formula_syntax")
    expect(e.message).toMatch(/position/)
    expect(caught(() => parseFormula("a + b")).code).toBe("formula_syntax")
    expect(caught(() => parseFormula("y ~ a $ b")).code).toBe("formula_syntax")
  })
})

interface FormulaCase {
  formula: string
  names: string[]
  estimate: number[]
  x_row1: number[]
  y_row1: number
}

describe("model frames against R's lm / model.matrix (columbus)", () => {
  const col = parseCsv(fixture("columbus.csv"))
  const cases = JSON.parse(fixture("formulas.json")) as FormulaCase[]
  for (const c of cases)
    it(c.formula, () => {
      const mf = modelFrame(col, c.formula)
      expect(mf.names).toEqual(c.names.map((n) => n.replace(/\s+/g, "")))
      mf.x.data.slice(0, mf.x.cols).forEach((v, j) => {
        expect(v).toBeCloseTo(c.x_row1[j]!, 10)
      })
      expect(mf.y[0]).toBeCloseTo(c.y_row1, 12)
      const b = qrCoefficients(qrDecompose(mf.x), mf.y)
      b.forEach((v, j) => {
        expect(Math.abs(v - c.estimate[j]!) / Math.abs(c.estimate[j]!)).toBeLessThan(1e-8)
      })
    })
})

describe("missing values, errors", () => {
  const t = table(
    ["y", "a", "b", "name"],
    [
      [1, 2, 3, "x"],
      [2, null, 1, "y"],
      [3, 4, "NA", "z"],
      [4, 1, 2, "w"],
      [5, 3, 8, "v"],
    ],
  )
  it("drops and counts rows with missing values, keeping row indices", () => {
    const mf = modelFrame(t, "y ~ a + log(b)")
    expect(mf.nDropped).toBe(2)
    expect(mf.dropped).toEqual([2, 3])
    expect([...mf.rows]).toEqual([0, 3, 4])
    expect([...mf.y]).toEqual([1, 4, 5])
    expect(mf.x.data[2]).toBeCloseTo(Math.log(3), 15)
  })
  it("names an unknown column and lists the available ones", () => {
    const e = caught(() => modelFrame(t, "y ~ a + c"))
    expect(e.code).toBe("unknown_column")
    expect(e.message).toContain("y, a, b, name")
  })
  it("names the row, column and value of a non-numeric cell", () => {
    const e = caught(() => modelFrame(t, "y ~ name"))
    expect(e.code).toBe("not_numeric")
    expect(e.issues?.[0]).toMatchObject({ row: 1, column: "name", value: "x" })
  })
  it("refuses log of a non-positive value, naming the row", () => {
    const u = table(
      ["y", "a"],
      [
        [1, 2],
        [2, 0],
        [3, 1],
      ],
    )
    const e = caught(() => modelFrame(u, "log(a) ~ y"))
    expect(e.code).toBe("log_nonpositive")
    expect(e.issues?.[0]).toMatchObject({ row: 2, value: 0 })
    expect(e.zh).toContain("第 2 行")
  })
  it("evaluates expressions for other commands", () => {
    const u = table(
      ["a", "b"],
      [
        [2, 4],
        [8, 2],
        [null, 1],
      ],
    )
    const v = evaluateExpression(u, "I(a / b) + log2(a)")
    expect(v[0]).toBeCloseTo(0.5 + 1, 15)
    expect(v[1]).toBeCloseTo(4 + 3, 15)
    expect(Number.isNaN(v[2]!)).toBe(true)
  })
})
