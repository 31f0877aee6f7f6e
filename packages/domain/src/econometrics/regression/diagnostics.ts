import type { Bilingual } from "../../model/errors.js"
import { chiSquareSf, normalPValue } from "../linalg/distributions.js"
import { carve, carvedBytes, inRowRanges, KERNEL_MIN_ELEMENTS } from "../linalg/wasmModule.js"
import { findLink } from "../weights/links.js"
import type { SpatialWeights } from "../weights/SpatialWeights.js"
import { spatialLag } from "../weights/spatialLag.js"
import type { OlsFit } from "./ols.js"
import { residualMoranKernels } from "./residualMoranKernel.js"
import { traceWtWplusWW } from "./sparse.js"

/** Moran's I of regression residuals with its exact moments under normality (spdep lm.morantest). */
export interface ResidualMoran {
  readonly I: number
  readonly expected: number
  readonly variance: number
  readonly z: number
  /** Two-sided normal p-value of z. */
  readonly p: number
}

/** A chi-square test statistic. */
export interface ChiSquareTest {
  readonly statistic: number
  readonly df: number
  readonly p: number
}

/** The five Lagrange multiplier tests of spdep lm.LMtests(test = "all"). */
export interface LMTests {
  /** LMerr (RSerr in newer spdep). */
  readonly lmError: ChiSquareTest
  /** LMlag (RSlag). */
  readonly lmLag: ChiSquareTest
  /** RLMerr (adjRSerr). */
  readonly robustLmError: ChiSquareTest
  /** RLMlag (adjRSlag). */
  readonly robustLmLag: ChiSquareTest
  /** SARMA = RLMlag + LMerr, 2 df. */
  readonly sarma: ChiSquareTest
}

const checkSize = (fit: OlsFit, w: SpatialWeights) => {
  if (w.ids.length !== fit.n) throw new RangeError(`weights have ${w.ids.length} units but the model has ${fit.n} observations; align/subset them first`)
}

/**
 * Moran's I test for OLS residuals, exactly as spdep's lm.morantest (zero.policy = TRUE): the weights are
 * symmetrised as (W + Wᵀ)/2, islands do not count in N. `w` must be aligned with the model rows.
 * @example lmMoranTest(fit, w).I // 0.2124 for columbus CRIME ~ INC + HOVAL, queen W
 */
export const lmMoranTest = (fit: OlsFit, w: SpatialWeights): ResidualMoran => {
  checkSize(fit, w)
  const { n, k, residuals: u, xtxInverse: V } = fit
  const inKernel = weightsInKernel(w, 1)
  let N = 0
  let S0 = 0
  let S1 = 0
  if (inKernel !== undefined) ({ units: N, s0: S0, s1: S1 } = inKernel.sums())
  else
    for (let i = 0; i < n; i++) {
      if (w.rowPtr[i + 1]! > w.rowPtr[i]!) N++
      for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
        const v = w.values[p]!
        S0 += v
        const q = findLink(w, w.colIdx[p]!, i)
        if (q >= 0) S1 += (v + w.values[q]!) ** 2
        else S1 += 2 * v * v // the pair (i, j) and its mirror (j, i), which exists only in Wᵀ
      }
    }
  S1 *= 0.5
  const wu = inKernel?.lag(u) ?? spatialLag(w, u)
  let uwu = 0
  let uu = 0
  for (let i = 0; i < n; i++) {
    uwu += u[i]! * wu[i]!
    uu += u[i]! * u[i]!
  }
  const I = (N / S0) * (uwu / uu)
  // Z = U·X with U = (W + Wᵀ)/2, row-major like X, in one pass over W; then C1 = XᵀZ and C2 = ZᵀZ row by row.
  const { C1, C2 } = symmetricCrossProducts(w, fit.x.data, n, k)
  const C3 = new Float64Array(k * k)
  for (let a = 0; a < k; a++)
    for (let b = 0; b < k; b++) {
      let s = 0
      for (let c = 0; c < k; c++) s += V.data[a * k + c]! * C1[c * k + b]!
      C3[a * k + b] = s
    }
  let trA = 0
  let trA2 = 0
  let trB = 0
  for (let a = 0; a < k; a++) {
    trA += C3[a * k + a]!
    for (let c = 0; c < k; c++) {
      trA2 += C3[a * k + c]! * C3[c * k + a]!
      trB += 4 * V.data[a * k + c]! * C2[c * k + a]!
    }
  }
  const p = k
  const expected = -(N * trA) / ((N - p) * S0)
  const variance = ((N * N) / (S0 * S0 * (N - p) * (N - p + 2))) * (S1 + 2 * trA2 - trB - (2 * trA * trA) / (N - p))
  const zs = (I - expected) / Math.sqrt(variance)
  return { I, expected, variance, z: zs, p: normalPValue(zs) }
}

// W in the kernels' memory with room for the lags of `vectors` vectors, from KERNEL_MIN_ELEMENTS entries: the sums
// over W the tests need and W·x, the same to the last bit as their loops (undefined below that size or without
// WebAssembly; the loops run then).
const weightsInKernel = (w: SpatialWeights, vectors: number) => {
  const n = w.rowPtr.length - 1
  const nnz = w.rowPtr[n]!
  if (n + nnz < KERNEL_MIN_ELEMENTS) return undefined
  const kernels = residualMoranKernels(carvedBytes([n + 1, nnz], [nnz, 4, ...Array.from({ length: 2 * vectors }, () => n)]))
  if (kernels === undefined) return undefined
  const arena = carve(kernels.buffer)
  const rowPtr = arena.int32Of(w.rowPtr.subarray(0, n + 1)).byteOffset
  const colIdx = arena.int32Of(w.colIdx.subarray(0, nnz)).byteOffset
  const values = arena.float64Of(w.values.subarray(0, nnz)).byteOffset
  const res = arena.float64(4)
  return {
    sums: () => {
      kernels.weightSums(rowPtr, colIdx, values, n, res.byteOffset)
      return { units: res[0]!, s0: res[1]!, s1: res[2]!, trace: res[3]! }
    },
    lag: (x: Float64Array): Float64Array => {
      const out = arena.float64(n)
      kernels.lag(rowPtr, colIdx, values, arena.float64Of(x).byteOffset, out.byteOffset, n)
      return out.slice()
    },
  }
}

// Z = U·X with U = (W + Wᵀ)/2 (X and Z row-major n × k) in one pass over W, then C1 = XᵀZ and C2 = ZᵀZ row by
// row: in the kernels' memory from KERNEL_MIN_ELEMENTS elements of X, else by the same loops.
const symmetricCrossProducts = (w: SpatialWeights, xData: Float64Array, n: number, k: number): { C1: Float64Array; C2: Float64Array } => {
  const nnz = w.rowPtr[n]!
  const kernels = n * k >= KERNEL_MIN_ELEMENTS ? residualMoranKernels(carvedBytes([n + 1, nnz], [nnz, n * k, n * k, k * k, k * k])) : undefined
  const arena = carve(kernels?.buffer)
  const C1 = arena.float64(k * k)
  const C2 = arena.float64(k * k)
  if (kernels !== undefined) {
    const rowPtr = arena.int32Of(w.rowPtr.subarray(0, n + 1)).byteOffset
    const colIdx = arena.int32Of(w.colIdx.subarray(0, nnz)).byteOffset
    const values = arena.float64Of(w.values.subarray(0, nnz)).byteOffset
    const x = arena.float64Of(xData).byteOffset
    const z = arena.float64(n * k).byteOffset
    inRowRanges(n, (from, to) => kernels.symmetricPart(rowPtr, colIdx, values, x, z, from, to, k))
    inRowRanges(n, (from, to) => kernels.crossProducts(x, z, from, to, k, C1.byteOffset, C2.byteOffset))
    return { C1: C1.slice(), C2: C2.slice() }
  }
  const z = new Float64Array(n * k)
  for (let i = 0; i < n; i++)
    for (let p = w.rowPtr[i]!; p < w.rowPtr[i + 1]!; p++) {
      const j = w.colIdx[p]!
      const half = 0.5 * w.values[p]!
      for (let c = 0; c < k; c++) {
        z[i * k + c]! += half * xData[j * k + c]!
        z[j * k + c]! += half * xData[i * k + c]!
      }
    }
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      const xa = xData[i * k + a]!
      const za = z[i * k + a]!
      for (let b = 0; b < k; b++) {
        const zb = z[i * k + b]!
        C1[a * k + b]! += xa * zb
        C2[a * k + b]! += za * zb
      }
    }
  return { C1, C2 }
}

/**
 * The LM tests for spatial error and spatial lag dependence in OLS residuals (Anselin 1988; Anselin et al. 1996),
 * exactly as spdep's lm.LMtests(test = "all"), with T = tr(WᵀW + W²) computed on the sparse weights.
 * Meant for row-standardised weights, aligned with the model rows.
 * @example lmTests(fit, w).lmLag.statistic // 7.8557 for columbus CRIME ~ INC + HOVAL
 */
export const lmTests = (fit: OlsFit, w: SpatialWeights): LMTests => {
  checkSize(fit, w)
  const { n: N, k, residuals: u, y, fitted, x, xtxInverse: V } = fit
  let uu = 0
  for (let i = 0; i < N; i++) uu += u[i]! * u[i]!
  const sigma2 = uu / N
  const inKernel = weightsInKernel(w, 3)
  const T = inKernel?.sums().trace ?? traceWtWplusWW(w)
  const wu = inKernel?.lag(u) ?? spatialLag(w, u)
  const wy = inKernel?.lag(y) ?? spatialLag(w, y)
  const wyhat = inKernel?.lag(fitted) ?? spatialLag(w, fitted)
  const xtwyhat = new Float64Array(k)
  let wyhat2 = 0
  let uwu = 0
  let uwy = 0
  for (let i = 0; i < N; i++) {
    const v = wyhat[i]!
    wyhat2 += v * v
    uwu += u[i]! * wu[i]!
    uwy += u[i]! * wy[i]!
    for (let j = 0; j < k; j++) xtwyhat[j]! += x.data[i * k + j]! * v
  }
  let quad = 0
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) quad += xtwyhat[a]! * V.data[a * k + b]! * xtwyhat[b]!
  const J = (1 / (N * sigma2)) * (wyhat2 - quad + T * sigma2)
  const dutWu = uwu / sigma2
  const dutWy = uwy / sigma2
  const NJ = N * J
  const test = (statistic: number, df: number): ChiSquareTest => ({ statistic, df, p: chiSquareSf(statistic, df) })
  const lmErr = (dutWu * dutWu) / T
  const rlmLag = (dutWy - dutWu) ** 2 / (NJ - T)
  return {
    lmError: test(lmErr, 1),
    lmLag: test((dutWy * dutWy) / NJ, 1),
    robustLmError: test((dutWu - (T / NJ) * dutWy) ** 2 / (T * (1 - T / NJ)), 1),
    robustLmLag: test(rlmLag, 1),
    sarma: test(rlmLag + lmErr, 2),
  }
}

/** Which model the LM tests point to, and why. */
export interface ModelRecommendation {
  readonly model: "ols" | "lag" | "error"
  readonly alpha: number
  readonly reason: Bilingual
}

const f3 = (x: number) => x.toFixed(3)

/**
 * Anselin's decision rule (Anselin 2005, Exploring Spatial Data with GeoDa, fig. 23.1), at level alpha (default 0.05):
 * neither LM-lag nor LM-error significant → OLS; only one significant → that model; both significant → the model
 * whose robust test is significant; both robust tests significant (or neither) → the larger robust statistic.
 * @example recommendModel(lmTests(fit, w)).model // "lag"
 */
export const recommendModel = (t: LMTests, alpha = 0.05): ModelRecommendation => {
  const lag = t.lmLag.p < alpha
  const err = t.lmError.p < alpha
  const pLag = `LM-lag p = ${f3(t.lmLag.p)}`
  const pErr = `LM-error p = ${f3(t.lmError.p)}`
  if (!lag && !err)
    return {
      model: "ols",
      alpha,
      reason: {
        en: `Neither LM test is significant at ${alpha} (${pLag}, ${pErr}): no evidence of spatial dependence, keep OLS.`,
        zh: `两个 LM 检验在 ${alpha} 水平上均不显著（${pLag}，${pErr}）：没有空间相关的证据，采用 OLS。`,
      },
    }
  if (lag && !err)
    return {
      model: "lag",
      alpha,
      reason: {
        en: `Only LM-lag is significant at ${alpha} (${pLag}, ${pErr}): spatial lag model.`,
        zh: `仅 LM-lag 在 ${alpha} 水平上显著（${pLag}，${pErr}）：采用空间滞后模型。`,
      },
    }
  if (err && !lag)
    return {
      model: "error",
      alpha,
      reason: {
        en: `Only LM-error is significant at ${alpha} (${pLag}, ${pErr}): spatial error model.`,
        zh: `仅 LM-error 在 ${alpha} 水平上显著（${pLag}，${pErr}）：采用空间误差模型。`,
      },
    }
  const rLag = t.robustLmLag.p < alpha
  const rErr = t.robustLmError.p < alpha
  const rp = `robust LM-lag p = ${f3(t.robustLmLag.p)}, robust LM-error p = ${f3(t.robustLmError.p)}`
  if (rLag !== rErr) {
    const model = rLag ? "lag" : "error"
    return {
      model,
      alpha,
      reason: {
        en: `Both LM tests are significant; only the robust LM-${model} test is (${rp}): spatial ${model} model.`,
        zh: `两个 LM 检验均显著，稳健检验中仅 R-LM-${model} 显著（${rp}）：采用空间${model === "lag" ? "滞后" : "误差"}模型。`,
      },
    }
  }
  const model = t.robustLmLag.statistic >= t.robustLmError.statistic ? "lag" : "error"
  const which = rLag ? "Both robust tests are significant" : "Neither robust test is significant"
  const whichZh = rLag ? "两个稳健检验均显著" : "两个稳健检验均不显著"
  return {
    model,
    alpha,
    reason: {
      en: `Both LM tests are significant. ${which} (${rp}); the larger robust statistic points to the spatial ${model} model.`,
      zh: `两个 LM 检验均显著。${whichZh}（${rp}）；按较大的稳健统计量采用空间${model === "lag" ? "滞后" : "误差"}模型。`,
    },
  }
}

/** Moran's I of the residuals, the five LM tests and the recommended model. */
export interface ResidualDiagnostics {
  readonly moran: ResidualMoran
  readonly lm: LMTests
  readonly recommendation: ModelRecommendation
}

/**
 * All spatial diagnostics of an OLS fit on aligned weights.
 * @example spatialDiagnostics(fit, subsetWeights(alignWeights(w, ids), frame.rows))
 */
export const spatialDiagnostics = (fit: OlsFit, w: SpatialWeights, alpha = 0.05): ResidualDiagnostics => {
  const lm = lmTests(fit, w)
  return { moran: lmMoranTest(fit, w), lm, recommendation: recommendModel(lm, alpha) }
}
