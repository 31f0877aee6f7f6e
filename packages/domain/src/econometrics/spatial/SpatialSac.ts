import { chiSquareSf } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals } from "../linalg/qr.js"
import { spatialLag, stackedLagColumns } from "../weights/spatialLag.js"
import { brentMaximize } from "./brent.js"
import { impactsFromTraces, impactTracesAt, plainTerms } from "./impacts.js"
import type { Estimate, SacFit } from "./SpatialFit.js"
import { prepareRegression, type SpatialRegressionInput } from "./SpatialRegression.js"
import { boundWarnings, column, dot, estimate, hessianCovariance, loglikOLS, matVec, notConverged, tracesOf, varianceMethod } from "./stacked.js"

/**
 * Maximum-likelihood SAC (SARAR) model y = ρWy + Xβ + u, u = λWu + ε, with the same W in both places, as
 * spatialreg::sacsarlm(listw2 = listw). The concentrated log-likelihood
 * log|I − ρW| + log|I − λW| − (n/2)·log(2π·SSE/n) − n/2, SSE = ‖(I − λW)((I − ρW)y − Xβ)‖² at the β that
 * minimises it, is maximised over (ρ, λ) by nested Brent searches (for each λ, SSE is quadratic in ρ after
 * projecting on (I − λW)X, so the inner search over ρ is cheap); spatialreg uses nlminb from several starts.
 * Standard errors: spatialreg's analytic information matrix in (σ², ρ, λ, β) (method "eigen"), or the
 * observed Hessian of the concentrated log-likelihood in (ρ, λ, β); impacts as the lag model (ρ only).
 * @example fitSpatialSac({ y, X, names, weights }).lambda.estimate
 */
export const fitSpatialSac = (input: SpatialRegressionInput): SacFit => {
  const d = prepareRegression(input)
  const w = d.weights
  const n = d.y.length
  const k = d.X.cols
  const WX = stackedLagColumns(w, 1, d.X)
  const wwy = spatialLag(w, d.wy)
  const ld = (r: number) => d.logDet.logDet(r)
  // For fixed λ: e0, e1 residuals of By and BWy on BX; SSE(ρ) = a − 2ρb + ρ²c.
  const profile = (lambda: number) => {
    const xb = matrix(n, k)
    for (let i = 0; i < n * k; i++) xb.data[i] = d.X.data[i]! - lambda * WX.data[i]!
    const yb = new Float64Array(n)
    const wyb = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      yb[i] = d.y[i]! - lambda * d.wy[i]!
      wyb[i] = d.wy[i]! - lambda * wwy[i]!
    }
    const qr = qrDecompose(xb)
    const e0 = qrResiduals(qr, yb)
    const e1 = qrResiduals(qr, wyb)
    return { qr, yb, wyb, e0, e1, a: dot(e0, e0), b: dot(e0, e1), c: dot(e1, e1) }
  }
  const llAt = (rho: number, ldl: number, a: number, b: number, c: number) => {
    const sse = a - 2 * rho * b + rho * rho * c
    return ld(rho) + ldl - (n / 2) * Math.log((2 * Math.PI * sse) / n) - n / 2
  }
  const inner = (lambda: number) => {
    const p = profile(lambda)
    const ldl = ld(lambda)
    return brentMaximize((r) => llAt(r, ldl, p.a, p.b, p.c), d.interval[0], d.interval[1], 1e-12, 1e-10)
  }
  const outer = brentMaximize((l) => inner(l).value, d.interval[0], d.interval[1], 1e-12, 1e-10)
  const lambda = outer.x
  const best = inner(lambda)
  const rho = best.x
  const p = profile(lambda)
  const target = new Float64Array(n)
  for (let i = 0; i < n; i++) target[i] = p.yb[i]! - rho * p.wyb[i]!
  const beta = qrCoefficients(p.qr, target)
  const e = qrResiduals(p.qr, target)
  const sse = dot(e, e)
  const s2 = sse / n
  const fitted = new Float64Array(n)
  for (let i = 0; i < n; i++) fitted[i] = d.y[i]! - e[i]!
  const variance = varianceMethod(d)
  const bx = matrix(n, k)
  for (let i = 0; i < n * k; i++) bx.data[i] = d.X.data[i]! - lambda * WX.data[i]!
  let cov: Matrix
  if (variance === "information") {
    // spatialreg sacsarlm (method "eigen"), W2 = W so that B·WA⁻¹·B⁻¹ = WA⁻¹: in (σ², ρ, λ, β)
    // [σ²σ²] n/(2σ⁴), [σ²ρ] tr Z_A/σ², [σ²λ] tr Z_B/σ², [ρρ] tr Z_A² + ‖Z_A‖² + ‖B Z_A Xβ‖²/σ²,
    // [λλ] tr Z_B² + ‖Z_B‖², [ρλ] tr(Z_Bᵀ Z_A) + tr(Z_B Z_A), [ρβ] (BX)'B Z_A Xβ/σ², [ββ] (BX)'BX/σ².
    const t = tracesOf(w).cross(rho, lambda, [matVec(d.X, beta)])
    const zaxb = t.a.products[0]!
    const bz = new Float64Array(n)
    const wz = spatialLag(w, zaxb)
    for (let i = 0; i < n; i++) bz[i] = zaxb[i]! - lambda * wz[i]!
    const q = k + 3
    const info = matrix(q, q)
    const set = (i: number, j: number, v: number) => {
      info.data[i * q + j] = v
      info.data[j * q + i] = v
    }
    set(0, 0, n / (2 * s2 * s2))
    set(0, 1, t.a.trace / s2)
    set(0, 2, t.b.trace / s2)
    set(1, 1, t.a.traceSquare + t.a.frobenius2 + dot(bz, bz) / s2)
    set(2, 2, t.b.traceSquare + t.b.frobenius2)
    set(1, 2, t.traceBtA + t.traceBA)
    for (let j = 0; j < k; j++) {
      const cj = column(bx, j)
      set(1, 3 + j, dot(cj, bz) / s2)
      for (let l = 0; l <= j; l++) set(3 + j, 3 + l, dot(cj, column(bx, l)) / s2)
    }
    const v = inverse(info)
    cov = matrix(k + 2, k + 2)
    for (let i = 0; i < k + 2; i++) for (let j = 0; j < k + 2; j++) cov.data[i * (k + 2) + j] = v.data[(i + 1) * q + j + 1]!
  } else {
    // e = B(Ay − Xβ): ∂e/∂ρ = −BWy, ∂e/∂λ = −W(Ay − Xβ), ∂e/∂β = −BX, ∂²e/∂ρ∂λ = WWy, ∂²e/∂λ∂β = WX.
    const u = new Float64Array(n)
    const xb = matVec(d.X, beta)
    for (let i = 0; i < n; i++) u[i] = d.y[i]! - rho * d.wy[i]! - xb[i]!
    const wu = spatialLag(w, u)
    const jac = [p.wyb.map((v) => -v), wu.map((v) => -v), ...Array.from({ length: k }, (_, j) => column(bx, j).map((v) => -v))]
    const second = [{ a: 0, b: 1, v: wwy }, ...Array.from({ length: k }, (_, j) => ({ a: 1, b: 2 + j, v: column(WX, j) }))]
    cov = hessianCovariance(e, jac, second, [
      { index: 0, value: d.logDet.secondDerivative(rho) },
      { index: 1, value: d.logDet.secondDerivative(lambda) },
    ])
  }
  const se = (i: number) => {
    const v = cov.data[i * (k + 2) + i]!
    if (!(v > 0)) throw notConverged(variance === "information" ? "information" : "Hessian")
    return Math.sqrt(v)
  }
  const coefficients: Record<string, Estimate> = {}
  d.names.forEach((name, j) => {
    coefficients[name] = estimate(beta[j]!, se(2 + j))
  })
  const r0 = qrResiduals(qrDecompose(d.X), d.y)
  const logLikOLS = loglikOLS(dot(r0, r0), n)
  const statistic = 2 * (outer.value - logLikOLS)
  const terms = plainTerms(d.names)
  return {
    model: "sac",
    coefficients,
    rho: estimate(rho, se(0)),
    lambda: estimate(lambda, se(1)),
    sigma2: s2,
    logLik: outer.value,
    aic: -2 * outer.value + 2 * (k + 3),
    logLikOLS,
    lr: { statistic, p: chiSquareSf(statistic, 2), df: 2 },
    method: d.logDet.method,
    variance,
    covariance: { names: ["rho", "lambda", ...d.names], matrix: cov },
    interval: d.interval,
    n,
    k,
    residuals: e,
    fitted,
    impacts: impactsFromTraces(terms, beta, impactTracesAt(w, d.logDet)(rho), n),
    impactsMethod: "exact",
    impactTerms: terms,
    warnings: [...boundWarnings(rho, d.interval, "rho"), ...boundWarnings(lambda, d.interval, "lambda")],
  }
}
