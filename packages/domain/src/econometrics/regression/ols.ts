import type { DataTable } from "../../io/DataTable.js"
import { InputError } from "../../model/errors.js"
import { type Formula, type ModelFrame, modelFrame } from "../formula/index.js"
import { fSf, type Matrix, type QR, qrCoefficients, qrDecompose, qrFitted, qrResiduals, qrUnscaledCovariance, tPValue } from "../linalg/index.js"

/** One estimated coefficient with its standard error, t statistic and two-sided t p-value. */
export interface Coefficient {
  /** Term name as R prints it, e.g. "(Intercept)", "log(INC)", "a:b". */
  readonly name: string
  /** Least-squares estimate. */
  readonly estimate: number
  /** Standard error √(σ² (XᵀX)⁻¹_jj), as summary.lm. */
  readonly se: number
  /** t statistic estimate / se. */
  readonly t: number
  /** Two-sided t p-value with dfResidual degrees of freedom. */
  readonly p: number
}

/** An ordinary least squares fit, with the statistics of R's summary.lm, logLik and AIC. */
export interface OlsFit {
  /** Coefficient names in column order of X. */
  readonly names: ReadonlyArray<string>
  /** Estimates with standard errors, t and p, in the order of `names`. */
  readonly coefficients: ReadonlyArray<Coefficient>
  /** Estimates as a vector, in the order of `names`. */
  readonly beta: Float64Array
  /** (XᵀX)⁻¹ in coefficient order (k×k). */
  readonly xtxInverse: Matrix
  /** Design matrix X (n×k) of the rows used. */
  readonly x: Matrix
  /** Response of the rows used. */
  readonly y: Float64Array
  /** Fitted values Xβ. */
  readonly fitted: Float64Array
  /** Residuals y − Xβ, as residuals(lm). */
  readonly residuals: Float64Array
  /** Number of observations used (rows with missing values dropped). */
  readonly n: number
  /** Number of coefficients (columns of X); a rank-deficient X is rejected, so none is aliased. */
  readonly k: number
  /** Residual degrees of freedom n − k. */
  readonly dfResidual: number
  /** Whether the model has an intercept (R² and F are then centred). */
  readonly intercept: boolean
  /** Residual sum of squares Σe². */
  readonly rss: number
  /** Residual variance RSS/(n − k), as summary.lm's sigma². */
  readonly sigma2: number
  /** R², as summary.lm r.squared. */
  readonly r2: number
  /** Adjusted R², as summary.lm adj.r.squared. */
  readonly adjR2: number
  /** F statistic of all non-intercept terms, with its p-value. */
  readonly fStatistic: { readonly statistic: number; readonly df1: number; readonly df2: number; readonly p: number }
  /** Gaussian log-likelihood at the ML variance RSS/n, as R's logLik.lm. */
  readonly logLik: number
  /** −2 logLik + 2(k + 1), as R's AIC (the variance counts as a parameter). */
  readonly aic: number
  /** The QR factorisation of X, for further computations on the same design. */
  readonly qr: QR
}

/**
 * Explain which columns are aliased and which others they are combinations of.
 * Throws InputError "singular_design".
 */
const singularDesign = (f: QR, x: Matrix, names: ReadonlyArray<string>): never => {
  const kept = [...f.pivot.subarray(0, f.rank)]
  const aliased = [...f.pivot.subarray(f.rank)]
  const details = aliased.map((j) => {
    // Regress the aliased column on the kept ones to name its partners.
    const col = new Float64Array(x.rows)
    for (let i = 0; i < x.rows; i++) col[i] = x.data[i * x.cols + j]!
    const b = qrCoefficients(f, col)
    const partners = kept.filter((c) => Math.abs(b[c]!) > 1e-7)
    return { term: names[j]!, partners: partners.map((c) => names[c]!) }
  })
  const en = details
    .map((d) =>
      d.partners.length === 0
        ? `"${d.term}" is zero (or constant 0) in every row`
        : `"${d.term}" is collinear with ${d.partners.map((p) => `"${p}"`).join(", ")}`,
    )
    .join("; ")
  const zh = details
    .map((d) => (d.partners.length === 0 ? `“${d.term}”在所有行均为零` : `“${d.term}”与${d.partners.map((p) => `“${p}”`).join("、")}共线`))
    .join("；")
  throw new InputError({
    code: "singular_design",
    message: `Singular design matrix: ${en}. Remove the redundant term(s).`,
    zh: `设计矩阵奇异：${zh}。请删去多余的项。`,
    issues: details.map((d) => ({
      column: d.term,
      en: `"${d.term}" is collinear with ${d.partners.join(", ") || "nothing (all zero)"}`,
      zh: `“${d.term}”与${d.partners.join("、") || "（全为零）"}共线`,
    })),
  })
}

/**
 * Fit y = Xβ + ε by least squares (Householder QR with R's tolerance 1e-7).
 * A rank-deficient X throws InputError "singular_design" naming the collinear terms;
 * fewer rows than coefficients throws "too_few_rows".
 * @example
 * const fit = ols(fromRows([[1, 0], [1, 1], [1, 2]]), Float64Array.of(1, 2.9, 5.1), ["(Intercept)", "x"])
 * fit.coefficients[1].estimate // 2.05
 */
export const ols = (x: Matrix, y: Float64Array, names: ReadonlyArray<string>, intercept = true): OlsFit => {
  const n = x.rows
  const k = x.cols
  if (n <= k) {
    const en = `Too few observations: ${n} rows for ${k} coefficients`
    const zh = `观测太少：${n} 行数据，${k} 个系数`
    throw new InputError({ code: "too_few_rows", message: en, zh, issues: [{ en, zh }] })
  }
  const f = qrDecompose(x)
  if (f.rank < k) singularDesign(f, x, names)
  const beta = qrCoefficients(f, y)
  const residuals = qrResiduals(f, y)
  const fitted = qrFitted(f, y)
  const unscaled = qrUnscaledCovariance(f) // pivot is the identity at full rank
  let rss = 0
  for (let i = 0; i < n; i++) rss += residuals[i]! * residuals[i]!
  const df = n - k
  const sigma2 = rss / df
  // Like summary.lm: the model sum of squares is centred only when there is an intercept.
  let mss = 0
  let meanF = 0
  if (intercept) {
    for (let i = 0; i < n; i++) meanF += fitted[i]!
    meanF /= n
  }
  for (let i = 0; i < n; i++) mss += (fitted[i]! - meanF) ** 2
  const r2 = mss / (mss + rss)
  const dfInt = intercept ? 1 : 0
  const adjR2 = 1 - ((1 - r2) * (n - dfInt)) / df
  const df1 = k - dfInt
  const fStat = df1 > 0 ? mss / df1 / sigma2 : Number.NaN
  const logLik = 0.5 * -n * (Math.log(2 * Math.PI) + 1 - Math.log(n) + Math.log(rss))
  const coefficients = names.map((name, j) => {
    const se = Math.sqrt(sigma2 * unscaled.data[j * k + j]!)
    const t = beta[j]! / se
    return { name, estimate: beta[j]!, se, t, p: tPValue(t, df) }
  })
  return {
    names,
    coefficients,
    beta,
    xtxInverse: unscaled,
    x,
    y,
    fitted,
    residuals,
    n,
    k,
    dfResidual: df,
    intercept,
    rss,
    sigma2,
    r2,
    adjR2,
    fStatistic: { statistic: fStat, df1, df2: df, p: df1 > 0 ? fSf(fStat, df1, df) : Number.NaN },
    logLik,
    aic: -2 * logLik + 2 * (k + 1),
    qr: f,
  }
}

/**
 * Fit OLS from a formula on a table (rows with missing values dropped, see ModelFrame).
 * @example const { fit, frame } = olsFormula(table, "CRIME ~ INC + HOVAL")
 */
export const olsFormula = (table: DataTable, formula: string | Formula): { readonly frame: ModelFrame; readonly fit: OlsFit } => {
  const frame = modelFrame(table, formula)
  return { frame, fit: ols(frame.x, frame.y, frame.names, frame.intercept) }
}
