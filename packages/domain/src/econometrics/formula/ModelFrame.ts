import type { DataTable } from "../../io/DataTable.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { type ColumnCache, evaluateFactor } from "./evaluate.js"
import { type Formula, parseFormula } from "./Formula.js"

/**
 * The numbers a formula selects from a table: the response y, the model matrix X (row-major, one column per
 * coefficient) and which table rows were used.
 */
export interface ModelFrame {
  readonly formula: Formula
  /** Label of the response, e.g. "log(y)". */
  readonly response: string
  readonly y: Float64Array
  readonly x: Matrix
  /** Coefficient names, one per column of x: "(Intercept)", "a", "log(b)", "I(c^2)", "d:e". */
  readonly names: ReadonlyArray<string>
  readonly intercept: boolean
  /** 0-based indices into table.rows of the rows kept, in table order. Use them to subset weights or panel ids. */
  readonly rows: Int32Array
  /** 1-based data rows dropped because a used variable was missing. */
  readonly dropped: ReadonlyArray<number>
  readonly nDropped: number
}

/**
 * Build the model frame for a formula on a table (as R's model.frame + model.matrix with na.omit).
 * Rows with a missing value in any used variable are dropped and reported; non-numeric cells, unknown columns
 * and log of non-positive values throw InputError with the row, column and value.
 * @example
 * const mf = modelFrame(table, "log(y) ~ a + I(c^2)")
 * mf.names // ["(Intercept)", "a", "I(c^2)"]
 */
export const modelFrame = (table: DataTable, formula: string | Formula): ModelFrame => {
  const f = typeof formula === "string" ? parseFormula(formula) : formula
  const cache: ColumnCache = new Map()
  const n = table.rows.length
  const yAll = evaluateFactor(table, f.response, cache)
  const factorValues = new Map<string, Float64Array>()
  for (const t of f.terms) for (const fa of t.factors) if (!factorValues.has(fa.label)) factorValues.set(fa.label, evaluateFactor(table, fa, cache))
  const keep: number[] = []
  const dropped: number[] = []
  const cols = [...factorValues.values()]
  for (let i = 0; i < n; i++) {
    let ok = !Number.isNaN(yAll[i]!)
    for (let c = 0; ok && c < cols.length; c++) if (Number.isNaN(cols[c]![i]!)) ok = false
    if (ok) keep.push(i)
    else dropped.push(i + 1)
  }
  const names = [...(f.intercept ? ["(Intercept)"] : []), ...f.terms.map((t) => t.label)]
  const p = names.length
  const m = keep.length
  const x = matrix(m, p)
  const y = new Float64Array(m)
  for (let r = 0; r < m; r++) y[r] = yAll[keep[r]!]!
  let j = 0
  if (f.intercept) {
    for (let r = 0; r < m; r++) x.data[r * p] = 1
    j = 1
  }
  for (const t of f.terms) {
    const vs = t.factors.map((fa) => factorValues.get(fa.label)!)
    for (let r = 0; r < m; r++) {
      const i = keep[r]!
      let v = 1
      for (let c = 0; c < vs.length; c++) v *= vs[c]![i]!
      x.data[r * p + j] = v
    }
    j++
  }
  return {
    formula: f,
    response: f.response.label,
    y,
    x,
    names,
    intercept: f.intercept,
    rows: Int32Array.from(keep),
    dropped,
    nDropped: dropped.length,
  }
}
