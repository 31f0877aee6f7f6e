import { chiSquareSf } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals } from "../linalg/qr.js"
import { maximizeConcentrated } from "./concentratedSearch.js"
import { type ImpactTerm, impactsFromTraces, impactTracesAt, plainTerms } from "./impacts.js"
import type { Estimate, Impact, ImpactsMethod, SpatialFitBase, SpatialLagFit } from "./SpatialFit.js"
import { prepareRegression, type SpatialRegressionInput } from "./SpatialRegression.js"
import {
  blockSummaries,
  boundWarnings,
  column,
  crossprod,
  dot,
  estimate,
  hessianCovariance,
  loglikOLS,
  matVec,
  notConverged,
  type StackedData,
  varianceMethod,
} from "./stacked.js"

/** Result of the spatial lag core: shared by the cross-section and panel fits. */
export interface LagCore extends Omit<SpatialFitBase, "method" | "n" | "k"> {
  readonly rho: Estimate
  readonly impacts: Record<string, Impact>
  readonly impactsMethod: ImpactsMethod
  readonly impactTerms: ReadonlyArray<ImpactTerm>
}

/**
 * Maximum likelihood for y = ρWy + Xβ + ε on stacked data: ρ maximises the concentrated log-likelihood
 * T·log|I − ρW| − (NT/2)·log(2π·SSE(ρ)/NT) − NT/2 with SSE(ρ) = ‖e0 − ρe1‖², e0, e1 the OLS residuals of
 * y and Wy on X (Anselin 1988; Elhorst 2014 for panels). Brent's method as R's optimize with eigenvalues;
 * with a sparse factorisation, the search of maximizeConcentrated (about 6 factorisations). X may hold WX
 * columns (spatial Durbin model); `terms` then pairs each β with its θ for the impacts.
 * @internal used by fitSpatialLag, fitSpatialDurbin and fitSpatialPanel
 */
export const estimateLag = (d: StackedData, terms: ReadonlyArray<ImpactTerm> = plainTerms(d.names)): LagCore => {
  const nObs = d.y.length
  const k = d.X.cols
  const T = d.periods
  const qr = d.qr ?? qrDecompose(d.X)
  const b0 = qrCoefficients(qr, d.y)
  const b1 = qrCoefficients(qr, d.wy)
  const e0 = qrResiduals(qr, d.y)
  const e1 = qrResiduals(qr, d.wy)
  const ea = dot(e0, e0)
  const eb = dot(e1, e0)
  const ec = dot(e1, e1)
  // The log-likelihood without its T·log|I − ρW| term.
  const rest = (rho: number): number => {
    const sse = ea - 2 * rho * eb + rho * rho * ec
    const s2 = sse / nObs
    return -(nObs / 2) * Math.log(2 * Math.PI) - (nObs / 2) * Math.log(s2) - sse / (2 * s2)
  }
  const smooth = { value: rest, derivative: (rho: number) => (-(nObs / 2) * (-2 * eb + 2 * rho * ec)) / (ea - 2 * rho * eb + rho * rho * ec) }
  const opt = maximizeConcentrated(d.logDet, T, rest, d.interval, smooth)
  const rho = opt.x
  const beta = new Float64Array(k)
  for (let j = 0; j < k; j++) beta[j] = b0[j]! - rho * b1[j]!
  const e = new Float64Array(nObs)
  for (let i = 0; i < nObs; i++) e[i] = e0[i]! - rho * e1[i]!
  const sse = dot(e, e)
  const s2 = sse / nObs
  const fitted = new Float64Array(nObs)
  for (let i = 0; i < nObs; i++) fitted[i] = d.y[i]! - e[i]!
  const variance = varianceMethod(d)
  let cov: Matrix
  if (variance === "information") {
    // Information matrix in (σ², ρ, β) (Anselin 1988, as spatialreg lagsarlm; T·traces for panels).
    const xtx = crossprod(d.X)
    const s = blockSummaries(d, rho, matVec(d.X, beta))
    const zxb = s.zv
    const info = matrix(k + 2, k + 2)
    const set = (i: number, j: number, v: number) => {
      info.data[i * (k + 2) + j] = v
      info.data[j * (k + 2) + i] = v
    }
    set(0, 0, nObs / (2 * s2 * s2))
    set(0, 1, (T * s.trace) / s2)
    set(1, 1, T * (s.traceSquare + s.frobenius2) + dot(zxb, zxb) / s2)
    for (let j = 0; j < k; j++) {
      set(1, 2 + j, dot(column(d.X, j), zxb) / s2)
      for (let l = 0; l <= j; l++) set(2 + j, 2 + l, xtx.data[j * k + l]! / s2)
    }
    const v = inverse(info)
    cov = matrix(k + 1, k + 1)
    for (let i = 0; i <= k; i++) for (let j = 0; j <= k; j++) cov.data[i * (k + 1) + j] = v.data[(i + 1) * (k + 2) + j + 1]!
  } else {
    // Observed Hessian of the concentrated log-likelihood in (ρ, β): e = y − ρWy − Xβ.
    const jac = [d.wy.map((v) => -v), ...Array.from({ length: k }, (_, j) => column(d.X, j).map((v) => -v))]
    cov = hessianCovariance(e, jac, [], [{ index: 0, value: T * d.logDet.secondDerivative(rho) }])
  }
  const se = (i: number) => {
    const v = cov.data[i * (k + 1) + i]!
    if (!(v > 0)) throw notConverged(variance === "information" ? "information" : "Hessian")
    return Math.sqrt(v)
  }
  const coefficients: Record<string, Estimate> = {}
  d.names.forEach((name, j) => {
    coefficients[name] = estimate(beta[j]!, se(1 + j))
  })
  const logLikOLS = loglikOLS(ea, nObs)
  const statistic = 2 * (opt.value - logLikOLS)
  const impacts = impactsFromTraces(terms, beta, impactTracesAt(d.weights, d.logDet)(rho), d.weights.ids.length)
  return {
    coefficients,
    rho: estimate(rho, se(0)),
    sigma2: s2,
    logLik: opt.value,
    aic: -2 * opt.value + 2 * (k + 2),
    logLikOLS,
    lr: { statistic, p: chiSquareSf(statistic, 1), df: 1 },
    variance,
    covariance: { names: ["rho", ...d.names], matrix: cov },
    interval: d.interval,
    residuals: e,
    fitted,
    impacts,
    impactsMethod: "exact",
    impactTerms: terms,
    warnings: boundWarnings(rho, d.interval, "rho"),
  }
}

/**
 * Maximum-likelihood spatial lag model y = ρWy + Xβ + ε (Anselin 1988), as spatialreg::lagsarlm:
 * Brent search of the concentrated log-likelihood, analytic asymptotic standard errors for n ≤ 1,500
 * (observed Hessian above), LR test against OLS, AIC and impacts (direct/indirect/total per variable).
 * @example
 * const fit = fitSpatialLag({ y, X, names: ["(Intercept)", "INC", "HOVAL"], weights })
 * fit.rho.estimate // 0.4039 for Columbus CRIME
 */
export const fitSpatialLag = (input: SpatialRegressionInput): SpatialLagFit => {
  const d = prepareRegression(input)
  const core = estimateLag(d)
  return { model: "lag", ...core, method: d.logDet.method, n: d.y.length, k: d.X.cols }
}
