import { InputError } from "../../model/errors.js"
import { chiSquareSf, normalPValue } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals, qrUnscaledCovariance } from "../linalg/qr.js"
import { fixedEffects, type PanelFit } from "./fixedEffects.js"
import type { PanelIndex } from "./PanelIndex.js"
import type { WithinEffects } from "./within.js"

/** One random-effects coefficient: z = estimate/se with a normal p-value, as plm's summary of a random model. */
export interface RandomCoefficient {
  readonly name: string
  readonly estimate: number
  readonly se: number
  readonly z: number
  readonly p: number
}

/** A random-effects (GLS) panel fit with Swamy–Arora variance components, as plm(model = "random"). */
export interface RandomEffectsFit {
  readonly effects: WithinEffects
  readonly names: ReadonlyArray<string>
  readonly coefficients: ReadonlyArray<RandomCoefficient>
  readonly beta: Float64Array
  readonly vcov: Matrix
  /** Variance components: idiosyncratic, individual and/or time (negative estimates set to 0, as plm). */
  readonly sigma2: { readonly idios: number; readonly id?: number; readonly time?: number }
  /**
   * Quasi-demeaning weights: individual (one value when balanced, else the range over units), time, and for
   * two-way effects also the total weight.
   */
  readonly theta: { readonly id?: ThetaValue; readonly time?: ThetaValue; readonly total?: ThetaValue }
  readonly n: number
  readonly units: number
  readonly periods: number
  readonly balanced: boolean
  readonly dfResidual: number
  readonly rss: number
  /** R² of the quasi-demeaned regression, as plm's r.squared (type "cor": squared correlation of y* and ŷ*). */
  readonly r2: number
  /** The fixed-effects fit of the same model, used by the Hausman test. */
  readonly within: PanelFit
  /** Hausman test of fixed against random effects (plm::phtest). */
  readonly hausman: { readonly statistic: number; readonly df: number; readonly p: number }
}

/** θ when balanced, or its range over units (periods) when unbalanced. */
export type ThetaValue = number | { readonly min: number; readonly max: number; readonly mean: number }

const means = (codes: Int32Array, levels: number, v: ArrayLike<number>) => {
  const sum = new Float64Array(levels)
  const count = new Float64Array(levels)
  for (let i = 0; i < codes.length; i++) {
    sum[codes[i]!]! += v[i]!
    count[codes[i]!]!++
  }
  for (let g = 0; g < levels; g++) sum[g]! /= count[g]!
  return { mean: sum, count }
}

// The "Between" model of plm: OLS of group means (repeated for each observation) on the means of X; returns
// the sum of squared residuals over observations and the number of slopes (intercept excluded).
const betweenQuad = (x: Matrix, y: Float64Array, names: ReadonlyArray<string>, codes: Int32Array, levels: number) => {
  const n = x.rows
  const k = x.cols
  const ym = means(codes, levels, y).mean
  const xb = matrix(n, k)
  const xm: Float64Array[] = []
  for (let j = 0; j < k; j++)
    xm.push(
      means(
        codes,
        levels,
        Array.from({ length: n }, (_, i) => x.data[i * k + j]!),
      ).mean,
    )
  const yb = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    yb[i] = ym[codes[i]!]!
    for (let j = 0; j < k; j++) xb.data[i * k + j] = xm[j]![codes[i]!]!
  }
  const qr = qrDecompose(xb)
  const r = qrResiduals(qr, yb)
  let quad = 0
  for (let i = 0; i < n; i++) quad += r[i]! * r[i]!
  return { quad, slopes: qr.rank - (names.includes("(Intercept)") ? 1 : 0) }
}

// plm's unbalanced Swamy–Arora (dfcor 3): the between quadratic form has expectation
// (G − K − 1)σ²_ν + (n − tr((Z_B'Z_B)⁻¹ Z_S'Z))σ²_η, Z_B group means and Z_S group sums per observation.
const unbalancedWeight = (x: Matrix, codes: Int32Array, levels: number): number => {
  const n = x.rows
  const k = x.cols
  const sums = new Float64Array(levels * k)
  const count = new Float64Array(levels)
  for (let i = 0; i < n; i++) {
    count[codes[i]!]!++
    for (let j = 0; j < k; j++) sums[codes[i]! * k + j]! += x.data[i * k + j]!
  }
  const zbzb = matrix(k, k)
  const zsz = matrix(k, k)
  for (let g = 0; g < levels; g++)
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) {
        const v = sums[g * k + a]! * sums[g * k + b]!
        zsz.data[a * k + b]! += v
        zbzb.data[a * k + b]! += v / count[g]!
      }
  const inv = inverse(zbzb)
  let tr = 0
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) tr += inv.data[a * k + b]! * zsz.data[b * k + a]!
  return n - tr
}

const thetaValue = (perObs: Float64Array, codes: Int32Array, levels: number, balanced: boolean): ThetaValue => {
  if (balanced) return perObs[0]!
  const per = new Float64Array(levels)
  for (let i = 0; i < codes.length; i++) per[codes[i]!] = perObs[i]!
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let sum = 0
  for (const v of per) {
    min = Math.min(min, v)
    max = Math.max(max, v)
    sum += v
  }
  return { min, max, mean: sum / levels }
}

/**
 * Random-effects panel regression as plm(model = "random", random.method = "swar"): Swamy–Arora variance
 * components from the within residuals (σ²_ν = e_W'e_W/(n − N − K)) and the "Between" regression on group
 * means (balanced: σ²_ν + Tσ²_η = e_B'e_B/(N − K − 1); unbalanced: plm's unbiased quadratic form, see
 * unbalancedWeight); θ_i = 1 −
 * (1 + T_iσ²_η/σ²_ν)^(−1/2); OLS on the quasi-demeaned data y − θȳ_i (two-way, balanced:
 * y − θ_id·ȳ_i − θ_time·ȳ_t + θ_total·ȳ), σ² = RSS/(n − k), z tests (normal p, as plm's summary). The Hausman
 * test of fixed against random effects on the common slopes, H = d'(V_FE − V_RE)⁻¹d (plm::phtest).
 * Throws InputError "unbalanced_twoways" for two-way effects on an unbalanced panel.
 * @example randomEffects(frame.x, frame.y, frame.names, index, "individual").theta.id
 */
export const randomEffects = (x: Matrix, y: Float64Array, names: ReadonlyArray<string>, index: PanelIndex, effects: WithinEffects): RandomEffectsFit => {
  const n = x.rows
  const k = x.cols
  const N = index.units.length
  const T = index.periods.length
  if (effects === "twoways" && !index.balanced)
    throw new InputError({
      code: "unbalanced_twoways",
      message: "two-way random effects need a balanced panel (as implemented here); use individual or time effects",
      zh: "双向随机效应需要平衡面板；请使用个体或时间效应",
    })
  const fe = fixedEffects(x, y, names, index, effects)
  const nts = effects === "individual" ? N : effects === "time" ? T : N + T - 1
  const s2nu = fe.rss / (n - nts - fe.k)
  const uc = means(index.unit, N, y).count
  const tc = means(index.period, T, y).count
  let s2id: number | undefined
  let s2time: number | undefined
  // Balanced: plm's dfcor 2 (G − K_B − 1 and T̄ or N times it); unbalanced: dfcor 3 (see unbalancedWeight).
  const slopes = k - (names.includes("(Intercept)") ? 1 : 0)
  if (effects !== "time") {
    const b = betweenQuad(x, y, names, index.unit, N)
    if (index.balanced) {
      const mNu = N - b.slopes - 1
      s2id = Math.max(0, (b.quad - mNu * s2nu) / (T * mNu))
    } else s2id = Math.max(0, (b.quad - (N - slopes - 1) * s2nu) / unbalancedWeight(x, index.unit, N))
  }
  if (effects !== "individual") {
    const b = betweenQuad(x, y, names, index.period, T)
    if (index.balanced) {
      const mNu = T - b.slopes - 1
      s2time = Math.max(0, (b.quad - mNu * s2nu) / (N * mNu))
    } else s2time = Math.max(0, (b.quad - (T - slopes - 1) * s2nu) / unbalancedWeight(x, index.period, T))
  }
  // θ per observation.
  const thId = new Float64Array(n)
  const thTime = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    if (s2id !== undefined) thId[i] = 1 - (1 + (uc[index.unit[i]!]! * s2id) / s2nu) ** -0.5
    if (s2time !== undefined) thTime[i] = 1 - (1 + (tc[index.period[i]!]! * s2time) / s2nu) ** -0.5
  }
  let thTotal = 0
  if (effects === "twoways") {
    thTotal = s2id === 0 || s2time === 0 ? 0 : thId[0]! + thTime[0]! - 1 + (1 + (N * s2time!) / s2nu + (T * s2id!) / s2nu) ** -0.5
  }
  const transform = (v: ArrayLike<number>): Float64Array => {
    const um = effects !== "time" ? means(index.unit, N, v).mean : undefined
    const tm = effects !== "individual" ? means(index.period, T, v).mean : undefined
    let grand = 0
    for (let i = 0; i < n; i++) grand += v[i]!
    grand /= n
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) {
      let r = v[i]!
      if (um) r -= thId[i]! * um[index.unit[i]!]!
      if (tm) r -= thTime[i]! * tm[index.period[i]!]!
      if (effects === "twoways") r += thTotal * grand
      out[i] = r
    }
    return out
  }
  const ys = transform(y)
  const xs = matrix(n, k)
  for (let j = 0; j < k; j++) {
    const c = transform(Array.from({ length: n }, (_, i) => x.data[i * k + j]!))
    for (let i = 0; i < n; i++) xs.data[i * k + j] = c[i]!
  }
  const qr = qrDecompose(xs)
  if (qr.rank < k) {
    const aliased = Array.from(qr.pivot.subarray(qr.rank), (j) => names[j]!)
    throw new InputError({
      code: "singular_design",
      message: `the regressors are collinear after quasi-demeaning: ${aliased.join(", ")}`,
      zh: `准去均值后解释变量共线：${aliased.join("、")}`,
      issues: aliased.map((column) => ({ column, en: `${column} is aliased`, zh: `${column} 共线` })),
    })
  }
  const beta = qrCoefficients(qr, ys)
  const e = qrResiduals(qr, ys)
  let rss = 0
  let my = 0
  let mf = 0
  for (let i = 0; i < n; i++) {
    rss += e[i]! * e[i]!
    my += ys[i]!
    mf += ys[i]! - e[i]!
  }
  my /= n
  mf /= n
  let syy = 0
  let sff = 0
  let syf = 0
  for (let i = 0; i < n; i++) {
    const a = ys[i]! - my
    const b = ys[i]! - e[i]! - mf
    syy += a * a
    sff += b * b
    syf += a * b
  }
  const df = n - k
  const s2 = rss / df
  const unscaled = qrUnscaledCovariance(qr)
  const vcov = matrix(k, k)
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) vcov.data[a * k + b] = s2 * unscaled.data[qr.pivot.indexOf(a) * k + qr.pivot.indexOf(b)]!
  const coefficients = names.map((name, j) => {
    const se = Math.sqrt(vcov.data[j * k + j]!)
    const z = beta[j]! / se
    return { name, estimate: beta[j]!, se, z, p: normalPValue(z) }
  })
  // Hausman on the slopes both models estimate.
  const common = fe.names.filter((nm) => names.includes(nm))
  const m = common.length
  const d = new Float64Array(m)
  const v = matrix(m, m)
  common.forEach((nm, a) => {
    const fa = fe.names.indexOf(nm)
    const ra = names.indexOf(nm)
    d[a] = fe.beta[fa]! - beta[ra]!
    common.forEach((nb, b) => {
      v.data[a * m + b] = fe.vcov.data[fa * fe.k + fe.names.indexOf(nb)]! - vcov.data[ra * k + names.indexOf(nb)]!
    })
  })
  const vi = inverse(v)
  let h = 0
  for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) h += d[a]! * vi.data[a * m + b]! * d[b]!
  const theta =
    effects === "individual"
      ? { id: thetaValue(thId, index.unit, N, index.balanced) }
      : effects === "time"
        ? { time: thetaValue(thTime, index.period, T, index.balanced) }
        : { id: thId[0]!, time: thTime[0]!, total: thTotal }
  return {
    effects,
    names,
    coefficients,
    beta,
    vcov,
    sigma2: { idios: s2nu, ...(s2id !== undefined ? { id: s2id } : {}), ...(s2time !== undefined ? { time: s2time } : {}) },
    theta,
    n,
    units: N,
    periods: T,
    balanced: index.balanced,
    dfResidual: df,
    rss,
    r2: (syf * syf) / (syy * sff),
    within: fe,
    hausman: { statistic: h, df: m, p: chiSquareSf(h, m) },
  }
}
