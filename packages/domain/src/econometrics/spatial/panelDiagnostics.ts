import { chiSquareSf } from "../linalg/distributions.js"
import { inverse } from "../linalg/lu.js"
import { type Matrix, matrix } from "../linalg/Matrix.js"
import { qrCoefficients, qrDecompose, qrResiduals } from "../linalg/qr.js"
import { traceWtWplusWW } from "../regression/sparse.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import { demeanColumns, demeaner, type PanelEffects, type SpatialPanelInput, stackPanel } from "./SpatialPanel.js"

/** A χ² test with one degree of freedom. */
export interface PanelLmTest {
  readonly statistic: number
  readonly p: number
}

/** Elhorst's panel LM tests and the LR tests of the fixed effects. */
export interface SpatialPanelDiagnostics {
  readonly effects: PanelEffects
  readonly lmLag: PanelLmTest
  readonly lmError: PanelLmTest
  readonly robustLmLag: PanelLmTest
  readonly robustLmError: PanelLmTest
  /** LR tests of the joint significance of the unit and of the period effects (Elhorst's demoLM: df N and T). */
  readonly effectsLr: {
    readonly unit: { readonly statistic: number; readonly df: number; readonly p: number }
    readonly time: { readonly statistic: number; readonly df: number; readonly p: number }
    /** Log-likelihoods of the non-spatial models with individual, time and two-way effects. */
    readonly logLik: { readonly individual: number; readonly time: number; readonly twoways: number }
  }
}

const lmOf = (statistic: number): PanelLmTest => ({ statistic, p: chiSquareSf(statistic, 1) })

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!
  return s
}

// OLS of the demeaned y on the demeaned X: coefficients, residuals and the Gaussian log-likelihood (σ² = e'e/NT).
const demeanedOls = (y: Float64Array, X: Matrix, N: number, T: number, effects: PanelEffects) => {
  const demean = demeaner(N, T, effects)
  const yd = demean(y)
  const Xd = demeanColumns(X, demean)
  const qr = qrDecompose(Xd)
  const b = qrCoefficients(qr, yd)
  const e = qrResiduals(qr, yd)
  const nObs = y.length
  const sse = dot(e, e)
  return { yd, Xd, b, e, sse, logLik: (-nObs / 2) * Math.log((2 * Math.PI * sse) / nObs) - nObs / 2 }
}

/**
 * Spatial diagnostics of a fixed-effects panel, as Elhorst's LMsarsem_panel and demoLM: on the OLS fit of
 * the demeaned data (y, X demeaned by the chosen effects; W applied per period to the demeaned y and to the
 * residuals), with σ² = e'e/NT, tr = tr((W' + W)W) and J = (Σ_t (WX_tβ)'M_t(WX_tβ) + T·tr·σ²)/σ²
 * (M_t = I − X_t(X_t'X_t)⁻¹X_t', the projection within each period as Elhorst's code):
 * LM lag = (e'(I⊗W)y/σ²)²/J, LM error = (e'(I⊗W)e/σ²)²/(T·tr), robust LM lag = ((e'Wy − e'We)/σ²)²/(J − T·tr),
 * robust LM error = ((e'We − T·tr/J·e'Wy)/σ²)²/(T·tr·(1 − T·tr/J)). LR tests of the effects compare the
 * non-spatial two-way model with the time-only (unit effects, df N) and the unit-only (time effects, df T)
 * models, as Elhorst's demoLM (which counts N and T degrees of freedom).
 * @example spatialPanelDiagnostics({ y, X, names, unit, period, weights }, "twoways").lmError.p
 */
export const spatialPanelDiagnostics = (
  input: Pick<SpatialPanelInput, "y" | "X" | "names" | "unit" | "period" | "weights">,
  effects: PanelEffects,
): SpatialPanelDiagnostics => {
  const w: SpatialWeights = input.weights
  const { N, T, y, X, k } = stackPanel(input)
  const fits = {
    individual: demeanedOls(y, X, N, T, "individual"),
    time: demeanedOls(y, X, N, T, "time"),
    twoways: demeanedOls(y, X, N, T, "twoways"),
  }
  const f = fits[effects]
  const nObs = y.length
  const sige = f.sse / nObs
  const trW = traceWtWplusWW(w)
  let wxb2 = 0
  let ewe = 0
  let ewy = 0
  const xt = matrix(N, k)
  for (let t = 0; t < T; t++) {
    const o = t * N
    for (let i = 0; i < N; i++) for (let j = 0; j < k; j++) xt.data[i * k + j] = f.Xd.data[(o + i) * k + j]!
    const xb = new Float64Array(N)
    for (let i = 0; i < N; i++) xb[i] = dot(xt.data.subarray(i * k, (i + 1) * k), f.b)
    const wxb = spatialLag(w, xb)
    // (WXβ)'M_t(WXβ) = ‖WXβ‖² − (X_t'WXβ)'(X_t'X_t)⁻¹(X_t'WXβ)
    const xtw = new Float64Array(k)
    const xtx = matrix(k, k)
    for (let i = 0; i < N; i++)
      for (let a = 0; a < k; a++) {
        const xa = xt.data[i * k + a]!
        xtw[a]! += xa * wxb[i]!
        for (let b = 0; b < k; b++) xtx.data[a * k + b]! += xa * xt.data[i * k + b]!
      }
    const inv = inverse(xtx)
    let q = 0
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) q += xtw[a]! * inv.data[a * k + b]! * xtw[b]!
    wxb2 += dot(wxb, wxb) - q
    const e = f.e.subarray(o, o + N)
    ewe += dot(e, spatialLag(w, e))
    ewy += dot(e, spatialLag(w, f.yd.subarray(o, o + N)))
  }
  const ttr = T * trW
  const J = (wxb2 + ttr * sige) / sige
  const unitLr = -2 * (fits.time.logLik - fits.twoways.logLik)
  const timeLr = -2 * (fits.individual.logLik - fits.twoways.logLik)
  return {
    effects,
    lmLag: lmOf((ewy / sige) ** 2 / J),
    lmError: lmOf((ewe / sige) ** 2 / ttr),
    robustLmLag: lmOf(((ewy - ewe) / sige) ** 2 / (J - ttr)),
    robustLmError: lmOf(((ewe - (ttr / J) * ewy) / sige) ** 2 / (ttr * (1 - ttr / J))),
    effectsLr: {
      unit: { statistic: unitLr, df: N, p: chiSquareSf(unitLr, N) },
      time: { statistic: timeLr, df: T, p: chiSquareSf(timeLr, T) },
      logLik: { individual: fits.individual.logLik, time: fits.time.logLik, twoways: fits.twoways.logLik },
    },
  }
}
