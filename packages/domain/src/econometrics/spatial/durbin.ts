import { type Bilingual, InputError, type InputLocation, inputError } from "../../model/errors.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import type { ImpactTerm } from "./impacts.js"

/** The model matrix of a Durbin-type model: [X, WX_d] with the WX columns named lag.<term>. */
export interface DurbinDesign {
  readonly X: Matrix
  readonly names: ReadonlyArray<string>
  /** Number of columns of the original X. */
  readonly k: number
  /** Each regressor (intercept apart) with the positions of β and, when lagged, of θ. */
  readonly terms: ReadonlyArray<ImpactTerm>
  /** Whether every regressor has its spatial lag (the common-factor test needs it). */
  readonly complete: boolean
}

/**
 * Append the spatial lags of regressors to X, as spatialreg's create_WX (Durbin = TRUE or a Durbin formula):
 * columns named "lag.<term>"; the intercept is lagged ("lag.(Intercept)" = W·1) only when W is not
 * row-standardised (for row-standardised W, W·1 = 1 duplicates it). `durbin` restricts the lagged terms
 * (in the order given); it requires row-standardised weights, as spatialreg's Durbin formula does.
 * Throws InputError "unknown_durbin_term" or "durbin_needs_row_standardised".
 * @example durbinDesign(X, ["(Intercept)", "INC", "HOVAL"], w).names // [..., "lag.INC", "lag.HOVAL"]
 */
export const durbinDesign = (X: Matrix, names: ReadonlyArray<string>, weights: SpatialWeights, durbin?: ReadonlyArray<string> | undefined): DurbinDesign => {
  const k = X.cols
  const n = X.rows
  const intercept = names.indexOf("(Intercept)")
  let lagged: number[]
  if (durbin === undefined) {
    lagged = names.flatMap((_, j) => (j === intercept && weights.style === "W" ? [] : [j]))
  } else {
    if (weights.style !== "W")
      throw inputError(
        "durbin_needs_row_standardised",
        "restricting the Durbin terms needs row-standardised weights (as spatialreg); use all terms or --transform r",
        "限定 Durbin 项需要行标准化权重（与 spatialreg 一致）；请使用全部项或 --transform r",
        { column: "durbin" },
      )
    const issues: Array<InputLocation & Bilingual> = []
    lagged = []
    for (const term of durbin) {
      const j = names.indexOf(term)
      if (j < 0 || j === intercept)
        issues.push({
          column: "durbin",
          value: term,
          en: `${term} is not a regressor of the model (regressors: ${names.filter((_, i) => i !== intercept).join(", ")})`,
          zh: `${term} 不是模型的解释变量（解释变量：${names.filter((_, i) => i !== intercept).join("、")}）`,
        })
      else if (!lagged.includes(j)) lagged.push(j)
    }
    if (issues.length > 0) throw new InputError({ code: "unknown_durbin_term", message: issues[0]!.en, zh: issues[0]!.zh, issues })
  }
  const m = lagged.length
  const out = matrix(n, k + m)
  const col = new Float64Array(n)
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out.data[i * (k + m) + j] = X.data[i * k + j]!
  lagged.forEach((j, c) => {
    for (let i = 0; i < n; i++) col[i] = X.data[i * k + j]!
    const wc = spatialLag(weights, col)
    for (let i = 0; i < n; i++) out.data[i * (k + m) + k + c] = wc[i]!
  })
  const allNames = [...names, ...lagged.map((j) => `lag.${names[j]!}`)]
  const terms: ImpactTerm[] = names.flatMap((term, j) => {
    if (j === intercept) return []
    const c = lagged.indexOf(j)
    return [{ term, beta: j, theta: c < 0 ? undefined : k + c }]
  })
  return { X: out, names: allNames, k, terms, complete: terms.every((t) => t.theta !== undefined) }
}
