import { chiSquareSf } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import type { ChiSquareTest } from "../regression/diagnostics.js"
import { type OlsFit, ols } from "../regression/ols.js"
import { durbinDesign } from "./durbin.js"
import type { ImpactTerm } from "./impacts.js"
import { estimateError } from "./SpatialError.js"
import type { Impact, LinearImpacts, SpatialDurbinErrorFit, SpatialDurbinFit, SpatialErrorFit, SpatialLagFit } from "./SpatialFit.js"
import { estimateLag } from "./SpatialLag.js"
import { prepareRegression, type SpatialRegressionInput } from "./SpatialRegression.js"
import { validateRegression } from "./validate.js"

/** Inputs of a Durbin-type model: as a spatial regression, plus the regressors whose lags enter (default all). */
export interface DurbinInput extends SpatialRegressionInput {
  /** Regressor names (as in `names`) whose spatial lags WX enter; default every regressor but the intercept. */
  readonly durbin?: ReadonlyArray<string> | undefined
}

/**
 * Spatial Durbin model y = ρWy + Xβ + WXθ + ε by maximum likelihood, as spatialreg::lagsarlm(Durbin = TRUE
 * or a Durbin formula): the lag model on [X, WX] with the WX coefficients named lag.<term>, impacts
 * direct = (β tr A⁻¹ + θ tr WA⁻¹)/n, total = (β + θ)/(1 − ρ) for row-standardised W (exact traces).
 * @example fitSpatialDurbin({ y, X, names, weights }).coefficients["lag.INC"]
 */
export const fitSpatialDurbin = (input: DurbinInput): SpatialDurbinFit => {
  const design = durbinDesign(input.X, input.names, input.weights, input.durbin)
  const d = prepareRegression({ ...input, X: design.X, names: design.names, qr: undefined })
  const core = estimateLag(d, design.terms)
  return { model: "durbin", ...core, method: d.logDet.method, n: d.y.length, k: design.X.cols, kX: design.k }
}

// Standard errors of β, θ and β + θ from a coefficient covariance V (rows/columns in coefficient order).
const linearImpacts = (terms: ReadonlyArray<ImpactTerm>, beta: ArrayLike<number>, v: Matrix): LinearImpacts => {
  const k = v.rows
  const impacts: Record<string, Impact> = {}
  const se: Record<string, Impact> = {}
  for (const t of terms) {
    const b = beta[t.beta]!
    const vb = v.data[t.beta * k + t.beta]!
    if (t.theta === undefined) {
      impacts[t.term] = { direct: b, indirect: 0, total: b }
      se[t.term] = { direct: Math.sqrt(vb), indirect: 0, total: Math.sqrt(vb) }
      continue
    }
    const th = beta[t.theta]!
    const vt = v.data[t.theta * k + t.theta]!
    const c = v.data[t.beta * k + t.theta]!
    impacts[t.term] = { direct: b, indirect: th, total: b + th }
    se[t.term] = { direct: Math.sqrt(vb), indirect: Math.sqrt(vt), total: Math.sqrt(vb + vt + 2 * c) }
  }
  return { impacts, se }
}

/**
 * Spatial Durbin error model y = Xβ + WXθ + u, u = λWu + ε, as spatialreg::errorsarlm(Durbin = TRUE):
 * the error model on [X, WX]. Impacts are direct = β, indirect = θ, total = β + θ; their standard errors,
 * as spatialreg's, come from the least-squares covariance of the filtered regression,
 * SSE/(n − k)·(X̃'X̃)⁻¹ (not the ML σ² = SSE/n of the coefficient table).
 * @example fitSpatialDurbinError({ y, X, names, weights }).impacts.INC.indirect
 */
export const fitSpatialDurbinError = (input: DurbinInput): SpatialDurbinErrorFit => {
  const design = durbinDesign(input.X, input.names, input.weights, input.durbin)
  const d = prepareRegression({ ...input, X: design.X, names: design.names, qr: undefined })
  const core = estimateError(d)
  const k = design.X.cols
  const n = d.y.length
  const v = matrix(k, k)
  const scale = n / (n - k)
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) v.data[i * k + j] = core.covariance.matrix.data[(i + 1) * (k + 1) + j + 1]! * scale
  const beta = design.names.map((nm) => core.coefficients[nm]!.estimate)
  const lin = linearImpacts(design.terms, beta, v)
  return {
    model: "sdem",
    ...core,
    method: d.logDet.method,
    n,
    k,
    kX: design.k,
    impacts: lin.impacts,
    impactsSe: lin.se,
    impactsMethod: "linear",
  }
}

/** SLX model y = Xβ + WXθ + ε by least squares (spatialreg::lmSLX): an OLS fit with impacts β, θ, β + θ. */
export interface SlxFit extends LinearImpacts {
  readonly model: "slx"
  readonly fit: OlsFit
  readonly kX: number
  readonly impactsMethod: "linear"
}

/**
 * SLX model by OLS on [X, WX] (spatialreg::lmSLX): σ² = RSS/(n − k) and t statistics as summary.lm;
 * impacts direct = β, indirect = θ, total = β + θ with standard errors from σ²(X'X)⁻¹, as spatialreg's
 * impacts() of an lmSLX fit. The WX columns are named lag.<term> (lmSLX itself shows make.names of them).
 * @example fitSlx({ y, X, names, weights }).impacts.INC.total
 */
export const fitSlx = (input: DurbinInput): SlxFit => {
  const design = durbinDesign(input.X, input.names, input.weights, input.durbin)
  validateRegression(input.y, design.X, design.names, input.weights, input.weights.ids.length)
  const fit = ols(design.X, Float64Array.from(input.y), design.names, design.names.includes("(Intercept)"))
  const k = design.X.cols
  const v = matrix(k, k)
  for (let i = 0; i < k * k; i++) v.data[i] = fit.sigma2 * fit.xtxInverse.data[i]!
  return { model: "slx", fit, kX: design.k, ...linearImpacts(design.terms, fit.beta, v), impactsMethod: "linear" }
}

/** LR and Wald tests of one restriction of the spatial Durbin model. */
export interface Reduction {
  readonly lr: ChiSquareTest
  readonly wald: ChiSquareTest
}

/** Both reductions of a spatial Durbin model and the model they point to. */
export interface DurbinReductions {
  /** H0: θ = 0 (the SDM reduces to the spatial lag model). */
  readonly lag: Reduction
  /** H0: θ = −ρβ (common factor: the SDM reduces to the spatial error model); null when some regressor has no WX term. */
  readonly error: Reduction | null
  readonly alpha: number
  readonly verdict: { readonly model: "durbin" | "lag" | "error"; readonly en: string; readonly zh: string }
}

const test = (statistic: number, df: number): ChiSquareTest => ({ statistic, df, p: chiSquareSf(statistic, df) })

// g'(G V G')⁻¹ g
const wald = (g: ReadonlyArray<number>, G: Matrix, V: Matrix): number => {
  const m = g.length
  const p = V.rows
  const gv = matrix(m, p)
  for (let a = 0; a < m; a++)
    for (let j = 0; j < p; j++) {
      let s = 0
      for (let l = 0; l < p; l++) s += G.data[a * p + l]! * V.data[l * p + j]!
      gv.data[a * p + j] = s
    }
  const m2 = matrix(m, m)
  for (let a = 0; a < m; a++)
    for (let b = 0; b < m; b++) {
      let s = 0
      for (let j = 0; j < p; j++) s += gv.data[a * p + j]! * G.data[b * p + j]!
      m2.data[a * m + b] = s
    }
  const inv = inverse(m2)
  let w = 0
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) w += g[a]! * inv.data[a * m + b]! * g[b]!
  return w
}

/**
 * LR and Wald tests that reduce a spatial Durbin model (Elhorst 2010, 2014; LeSage & Pace 2009): H0 θ = 0
 * against the spatial lag model `sar` (Wald θ'V_θ⁻¹θ), and the common factor H0 θ + ρβ = 0 against the
 * spatial error model `sem` (Wald by the delta method, G = ∂(θ + ρβ)/∂(ρ, β, θ)), each χ² with one degree of
 * freedom per WX term. Verdict, as Elhorst's rule reads: a restriction counts as rejected when its LR or its
 * Wald test rejects at `alpha`; both rejected → SDM; only the common factor rejected → SAR, provided the
 * (robust) LM tests of the OLS residuals point to the lag model (`lmModel`); only θ = 0 rejected → SEM,
 * provided they point to the error model; otherwise the SDM, which nests both.
 * @example durbinReductions(sdm, sar, sem, 0.05, "lag").verdict.model
 */
export const durbinReductions = (sdm: SpatialDurbinFit, sar: SpatialLagFit, sem: SpatialErrorFit, alpha = 0.05, lmModel?: string): DurbinReductions => {
  const cov = sdm.covariance
  const names = cov.names
  const p = names.length
  const rhoAt = names.indexOf("rho")
  const lagged = names.flatMap((nm, i) => (nm.startsWith("lag.") && names.includes(nm.slice(4)) ? [{ theta: i, beta: names.indexOf(nm.slice(4)) }] : []))
  const m = lagged.length
  const est = (i: number) => (i === rhoAt ? sdm.rho.estimate : sdm.coefficients[names[i]!]!.estimate)
  // θ = 0
  const G0 = matrix(m, p)
  lagged.forEach((l, a) => {
    G0.data[a * p + l.theta] = 1
  })
  const lag: Reduction = {
    lr: test(2 * (sdm.logLik - sar.logLik), m),
    wald: test(
      wald(
        lagged.map((l) => est(l.theta)),
        G0,
        cov.matrix,
      ),
      m,
    ),
  }
  // θ + ρβ = 0, only when every regressor carries its lag (otherwise the SEM is not nested in this SDM).
  const complete = sdm.impactTerms.every((t) => t.theta !== undefined)
  let error: Reduction | null = null
  if (complete) {
    const rho = sdm.rho.estimate
    const G = matrix(m, p)
    lagged.forEach((l, a) => {
      G.data[a * p + l.theta] = 1
      G.data[a * p + l.beta] = rho
      G.data[a * p + rhoAt] = est(l.beta)
    })
    error = {
      lr: test(2 * (sdm.logLik - sem.logLik), m),
      wald: test(
        wald(
          lagged.map((l) => est(l.theta) + rho * est(l.beta)),
          G,
          cov.matrix,
        ),
        m,
      ),
    }
  }
  const rejected = (r: Reduction | null) => r === null || r.lr.p < alpha || r.wald.p < alpha
  const lagRej = rejected(lag)
  const errRej = rejected(error)
  let model: "durbin" | "lag" | "error" = "durbin"
  let en: string
  let zh: string
  const a = `α = ${alpha}`
  if (error === null) {
    model = "durbin"
    en = lagRej
      ? `θ = 0 is rejected (${a}); the common-factor test needs every regressor's WX term: keep the spatial Durbin model.`
      : `θ = 0 is not rejected (${a}); the common-factor test needs every regressor's WX term.${lmModel === "lag" ? " The spatial lag model suffices." : " Keep the spatial Durbin model unless the LM tests point to the lag model."}`
    zh = lagRej
      ? `θ = 0 被拒绝（${a}）；共同因子检验需要每个解释变量的 WX 项：保留空间杜宾模型。`
      : `θ = 0 未被拒绝（${a}）；共同因子检验需要每个解释变量的 WX 项。${lmModel === "lag" ? "空间滞后模型即可。" : "除非 LM 检验指向空间滞后模型，否则保留空间杜宾模型。"}`
    if (!lagRej && lmModel === "lag") model = "lag"
  } else if (lagRej && errRej) {
    en = `Both θ = 0 and θ = −ρβ are rejected (${a}): keep the spatial Durbin model.`
    zh = `θ = 0 与 θ = −ρβ 均被拒绝（${a}）：保留空间杜宾模型。`
  } else if (!lagRej && errRej) {
    if (lmModel === undefined || lmModel === "lag") {
      model = "lag"
      en = `θ = 0 is not rejected, θ = −ρβ is (${a})${lmModel === "lag" ? " and the robust LM tests point to the lag model" : ""}: the spatial lag model suffices.`
      zh = `θ = 0 未被拒绝、θ = −ρβ 被拒绝（${a}）${lmModel === "lag" ? "，稳健 LM 检验亦指向空间滞后模型" : ""}：空间滞后模型即可。`
    } else {
      en = `θ = 0 is not rejected (${a}), but the LM tests point to the ${lmModel} model: keep the spatial Durbin model, which nests both.`
      zh = `θ = 0 未被拒绝（${a}），但 LM 检验指向 ${lmModel} 模型：保留同时嵌套二者的空间杜宾模型。`
    }
  } else if (lagRej && !errRej) {
    if (lmModel === undefined || lmModel === "error") {
      model = "error"
      en = `θ = −ρβ is not rejected, θ = 0 is (${a})${lmModel === "error" ? " and the robust LM tests point to the error model" : ""}: the spatial error model suffices.`
      zh = `θ = −ρβ 未被拒绝、θ = 0 被拒绝（${a}）${lmModel === "error" ? "，稳健 LM 检验亦指向空间误差模型" : ""}：空间误差模型即可。`
    } else {
      en = `θ = −ρβ is not rejected (${a}), but the LM tests point to the ${lmModel} model: keep the spatial Durbin model, which nests both.`
      zh = `θ = −ρβ 未被拒绝（${a}），但 LM 检验指向 ${lmModel} 模型：保留同时嵌套二者的空间杜宾模型。`
    }
  } else if (lmModel === "lag" || lmModel === "error") {
    model = lmModel
    const name = lmModel === "lag" ? "spatial lag" : "spatial error"
    const zhName = lmModel === "lag" ? "空间滞后" : "空间误差"
    en = `Neither θ = 0 nor θ = −ρβ is rejected (${a}); the robust LM tests point to the ${name} model.`
    zh = `θ = 0 与 θ = −ρβ 均未被拒绝（${a}）；稳健 LM 检验指向${zhName}模型。`
  } else {
    en = `Neither θ = 0 nor θ = −ρβ is rejected (${a}) and the LM tests single out no model: keep the spatial Durbin model.`
    zh = `θ = 0 与 θ = −ρβ 均未被拒绝（${a}），LM 检验亦未指向单一模型：保留空间杜宾模型。`
  }
  return { lag, error, alpha, verdict: { model, en, zh } }
}
