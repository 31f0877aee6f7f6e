import { numericColumn, requireColumn } from "../../io/columns.js"
import type { DataTable } from "../../io/DataTable.js"
import { type Bilingual, InputError, type InputLocation } from "../../model/errors.js"
import { type Expr, type Factor, parseExpression } from "./Formula.js"

/** Most issues kept on one error. */
const MAX_ISSUES = 50

/** Column values cached per table so a variable used in several terms is read once. */
export type ColumnCache = Map<string, Float64Array>

const column = (table: DataTable, name: string, cache: ColumnCache): Float64Array => {
  let v = cache.get(name)
  if (v === undefined) {
    requireColumn(table, name)
    v = numericColumn(table, name, { allowMissing: true })
    cache.set(name, v)
  }
  return v
}

const FUNCTIONS: Readonly<Record<string, { readonly arity: number; readonly f: (x: number) => number }>> = {
  log: { arity: 1, f: Math.log },
  log10: { arity: 1, f: Math.log10 },
  log2: { arity: 1, f: Math.log2 },
  log1p: { arity: 1, f: Math.log1p },
  exp: { arity: 1, f: Math.exp },
  sqrt: { arity: 1, f: Math.sqrt },
  abs: { arity: 1, f: Math.abs },
  I: { arity: 1, f: (x) => x },
}

// Domain checks: value → true when the function is undefined there (missing inputs stay missing).
const DOMAIN: Readonly<Record<string, (x: number) => boolean>> = {
  log: (x) => x <= 0,
  log10: (x) => x <= 0,
  log2: (x) => x <= 0,
  log1p: (x) => x <= -1,
  sqrt: (x) => x < 0,
}

const evalExpr = (e: Expr, table: DataTable, cache: ColumnCache, label: string): Float64Array => {
  const n = table.rows.length
  switch (e.kind) {
    case "num":
      return new Float64Array(n).fill(e.value)
    case "var":
      return column(table, e.name, cache)
    case "neg": {
      const a = evalExpr(e.arg, table, cache, label)
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) out[i] = -a[i]!
      return out
    }
    case "bin": {
      const a = evalExpr(e.left, table, cache, label)
      const b = evalExpr(e.right, table, cache, label)
      const out = new Float64Array(n)
      switch (e.op) {
        case "+":
          for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!
          break
        case "-":
          for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!
          break
        case "*":
          for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!
          break
        case "/":
          for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!
          break
        case "^":
          for (let i = 0; i < n; i++) out[i] = a[i]! ** b[i]!
          break
      }
      return out
    }
    case "call": {
      const fn = FUNCTIONS[e.fn]
      if (fn === undefined) {
        const en = `Unknown function "${e.fn}" in "${label}"; available: ${Object.keys(FUNCTIONS).join(", ")}`
        const zh = `“${label}”中的函数“${e.fn}”不受支持；可用：${Object.keys(FUNCTIONS).join("、")}`
        throw new InputError({ code: "unknown_function", message: en, zh, issues: [{ value: e.fn, en, zh }] })
      }
      if (e.args.length !== fn.arity) {
        const en = `Function "${e.fn}" in "${label}" takes ${fn.arity} argument(s), got ${e.args.length}`
        const zh = `“${label}”中的函数“${e.fn}”需要 ${fn.arity} 个参数，实际为 ${e.args.length} 个`
        throw new InputError({ code: "formula_syntax", message: en, zh, issues: [{ value: e.fn, en, zh }] })
      }
      const a = evalExpr(e.args[0]!, table, cache, label)
      const bad = DOMAIN[e.fn]
      if (bad !== undefined) {
        const issues: Array<InputLocation & Bilingual> = []
        for (let i = 0; i < n && issues.length < MAX_ISSUES; i++) {
          const x = a[i]!
          if (!Number.isNaN(x) && bad(x)) {
            const en = `${e.fn}() of ${x} is undefined in "${label}", row ${i + 1}`
            const zh = `“${label}”第 ${i + 1} 行：${e.fn}() 的参数 ${x} 超出定义域`
            issues.push({ row: i + 1, column: label, value: x, en, zh })
          }
        }
        if (issues.length > 0) {
          const code = e.fn.startsWith("log") ? "log_nonpositive" : "domain_error"
          const first = issues[0]!
          throw new InputError({
            code,
            message: issues.length > 1 ? `${first.en} (and ${issues.length - 1} more row(s))` : first.en,
            zh: issues.length > 1 ? `${first.zh}（另有 ${issues.length - 1} 行）` : first.zh,
            issues,
          })
        }
      }
      const out = new Float64Array(n)
      for (let i = 0; i < n; i++) out[i] = fn.f(a[i]!)
      return out
    }
  }
}

/**
 * Evaluate a parsed factor over every row: NaN marks a missing input. Infinite results (e.g. division by zero)
 * throw InputError "non_finite" naming the row. Pass a shared `cache` when evaluating many factors on one table.
 * @example evaluateFactor({ columns: ["x"], rows: [{ x: 4 }, { x: null }] }, parseExpression("I(x / 2)")) // [2, NaN]
 */
export const evaluateFactor = (table: DataTable, factor: Factor, cache: ColumnCache = new Map()): Float64Array => {
  const v = evalExpr(factor.expr, table, cache, factor.label)
  const issues: Array<InputLocation & Bilingual> = []
  for (let i = 0; i < v.length && issues.length < MAX_ISSUES; i++) {
    const x = v[i]!
    if (x === Number.POSITIVE_INFINITY || x === Number.NEGATIVE_INFINITY) {
      const en = `"${factor.label}" is not finite in row ${i + 1}`
      const zh = `“${factor.label}”在第 ${i + 1} 行不是有限值`
      issues.push({ row: i + 1, column: factor.label, value: x, en, zh })
    }
  }
  if (issues.length > 0) throw new InputError({ code: "non_finite", message: issues[0]!.en, zh: issues[0]!.zh, issues })
  return v
}

/**
 * Evaluate an expression such as "log(x)" or "I(gdp / pop)" on a table: one value per row, NaN where an input
 * cell is missing. Errors as for formulas (unknown_column, not_numeric, log_nonpositive...).
 * @example evaluateExpression(table, "log(gdp)") // Float64Array of ln gdp
 */
export const evaluateExpression = (table: DataTable, text: string): Float64Array => evaluateFactor(table, parseExpression(text))

/**
 * Names of the table columns an expression reads, e.g. to check a formula against a table before fitting.
 * @example expressionVariables(parseExpression("log(gdp / pop)").expr) // ["gdp", "pop"]
 */
export const expressionVariables = (e: Expr): string[] => {
  switch (e.kind) {
    case "num":
      return []
    case "var":
      return [e.name]
    case "neg":
      return expressionVariables(e.arg)
    case "bin":
      return [...new Set([...expressionVariables(e.left), ...expressionVariables(e.right)])]
    case "call":
      return [...new Set(e.args.flatMap(expressionVariables))]
  }
}
