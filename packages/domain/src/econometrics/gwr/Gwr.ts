import { inputError } from "../../model/errors.js"
import { belowNearest, checkBandwidth, type GwrBandwidth, type GwrData, type GwrKernel, selectKth, sharedLocation, tooFewInside } from "./GwrKernel.js"

/** The local estimates at one point. */
export interface GwrRow {
  readonly id: string
  /** β_i, one per coefficient name. */
  readonly coefficients: Float64Array
  /** Standard errors √(σ² diag(C_i C_iᵀ)), C_i = (XᵀW_iX)⁻¹XᵀW_i (GWmodel). */
  readonly se: Float64Array
  /** ŷ_i = x_iᵀβ_i. */
  readonly fitted: number
  /** y_i − ŷ_i. */
  readonly residual: number
  /** Local R² = (TSS_w − RSS_w)/TSS_w with TSS_w = Σ_j w_ij (y_j − ȳ)², RSS_w = Σ_j w_ij e_j² (GWmodel). */
  readonly localR2: number
}

/** A fitted geographically weighted regression with GWmodel's diagnostics. */
export interface GwrFit {
  readonly n: number
  readonly names: ReadonlyArray<string>
  readonly kernel: GwrKernel
  readonly bandwidth: GwrBandwidth
  /** Residual sum of squares Σ e_i². */
  readonly rss: number
  /** tr(S), the effective number of parameters reported by GWmodel's AICc. */
  readonly traceS: number
  /** tr(SᵀS). */
  readonly traceStS: number
  /** 2 tr(S) − tr(SᵀS). */
  readonly enp: number
  /** n − 2 tr(S) + tr(SᵀS). */
  readonly edf: number
  /** σ² = RSS/(n − 2 tr(S) + tr(SᵀS)). */
  readonly sigma2: number
  /** n ln(RSS/n) + n ln 2π + n + tr(S) (Fotheringham et al. 2002, eq. 4.22). */
  readonly aic: number
  /** n ln(RSS/n) + n ln 2π + n (n + tr S)/(n − 2 − tr S) (Fotheringham et al. 2002, eq. 2.33); NaN when n − 2 − tr S ≤ 0. */
  readonly aicc: number
  /** 1 − RSS/Σ(y − ȳ)². */
  readonly r2: number
  /** 1 − (1 − R²)(n − 1)/(edf − 1). */
  readonly adjR2: number
  readonly rows: ReadonlyArray<GwrRow>
}

/** What a pass over the points computes. */
type Mode = "fit" | "aicc" | "cv"

/**
 * The products every local system sums, one column per product so that each sum is a tight dot product with the
 * weights: columns 0 … q−1 hold x_jr x_jc (upper triangle, row by row), columns q … q+p−1 hold x_jr y_j.
 */
const products = (data: GwrData) => {
  const n = data.y.length
  const p = data.x.cols
  const q = (p * (p + 1)) / 2
  const X = data.x.data
  const cols: Float64Array[] = []
  for (let r = 0; r < p; r++) for (let c = r; c < p; c++) cols.push(Float64Array.from({ length: n }, (_, j) => X[j * p + r]! * X[j * p + c]!))
  for (let r = 0; r < p; r++) cols.push(Float64Array.from({ length: n }, (_, j) => X[j * p + r]! * data.y[j]!))
  return { n, p, q, cols, X }
}

/**
 * out[o + c] = Σ_k w_k cols[c][idx_k] over the first m weights, for every column c; dense (idx null: k = j over
 * all points) or gathered. Four columns share each pass over the weights, which roughly halves the time of these
 * sums (the hot loop of a GWR fit).
 */
const weightedSums = (w: Float64Array, cols: ReadonlyArray<Float64Array>, idx: Int32Array | null, m: number, out: Float64Array, o: number): void => {
  let c = 0
  for (; c + 4 <= cols.length; c += 4) {
    const a = cols[c]!
    const b = cols[c + 1]!
    const d = cols[c + 2]!
    const e = cols[c + 3]!
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    if (idx === null)
      for (let j = 0; j < m; j++) {
        const wj = w[j]!
        s0 += wj * a[j]!
        s1 += wj * b[j]!
        s2 += wj * d[j]!
        s3 += wj * e[j]!
      }
    else
      for (let k = 0; k < m; k++) {
        const wj = w[k]!
        const j = idx[k]!
        s0 += wj * a[j]!
        s1 += wj * b[j]!
        s2 += wj * d[j]!
        s3 += wj * e[j]!
      }
    out[o + c] = s0
    out[o + c + 1] = s1
    out[o + c + 2] = s2
    out[o + c + 3] = s3
  }
  for (; c < cols.length; c++) {
    const a = cols[c]!
    let s = 0
    if (idx === null) for (let j = 0; j < m; j++) s += w[j]! * a[j]!
    else for (let k = 0; k < m; k++) s += w[k]! * a[idx[k]!]!
    out[o + c] = s
  }
}

/** In-place Cholesky of the packed upper triangle `a` (p×p) into full lower L; false when not positive definite. */
const choleskyPacked = (a: Float64Array, p: number, L: Float64Array): boolean => {
  // Unpack: upper triangle row by row → full symmetric in L's storage, then factor.
  let t = 0
  for (let r = 0; r < p; r++)
    for (let c = r; c < p; c++) {
      L[r * p + c] = a[t]!
      L[c * p + r] = a[t]!
      t++
    }
  for (let j = 0; j < p; j++) {
    const orig = L[j * p + j]!
    let d = orig
    for (let k = 0; k < j; k++) d -= L[j * p + k]! * L[j * p + k]!
    // A pivot lost to rounding relative to its diagonal means the local design is (numerically) singular.
    if (!(d > 1e-12 * orig)) return false
    const ljj = Math.sqrt(d)
    L[j * p + j] = ljj
    for (let i = j + 1; i < p; i++) {
      let s = L[i * p + j]!
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!
      L[i * p + j] = s / ljj
    }
    for (let i = 0; i < j; i++) L[i * p + j] = 0
  }
  return true
}

/** Solve L Lᵀ x = b in place (b becomes x). */
const cholSolve = (L: Float64Array, p: number, b: Float64Array): void => {
  for (let i = 0; i < p; i++) {
    let s = b[i]!
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * b[k]!
    b[i] = s / L[i * p + i]!
  }
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * b[k]!
    b[i] = s / L[i * p + i]!
  }
}

const singularAt = (data: GwrData, i: number) =>
  inputError(
    "singular_local_design",
    `the local regression at point "${data.ids[i]}" (row ${i + 1}) is singular: its weighted regressors are collinear (a variable constant near the point, or too few points with weight); use a larger bandwidth`,
    `点“${data.ids[i]}”（第 ${i + 1} 行）的局部回归奇异：加权后的解释变量共线（该点附近某变量为常数，或有权重的点太少）；请增大带宽`,
    { row: i + 1, value: data.ids[i] },
  )

/**
 * Squared distances from every point to every point, each row sorted ascending (n² numbers): with them an
 * adaptive bandwidth is a lookup, which pays off when many K are scored in a bandwidth search.
 * @internal
 * @example sortedSquaredDistances(data)[k] // the (k+1)-th smallest squared distance from point 0
 */
export const sortedSquaredDistances = (data: GwrData): Float64Array => {
  const n = data.y.length
  const { x, y } = data.coords
  const out = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    const row = out.subarray(i * n, i * n + n)
    for (let j = 0; j < n; j++) {
      const dx = x[j]! - x[i]!
      const dy = y[j]! - y[i]!
      row[j] = dx * dx + dy * dy
    }
    row.sort()
  }
  return out
}

/**
 * One pass over the points: the local weighted systems, solved. Returns the score (AICc or CV) or the full fit.
 * `strict` (a fit): a point with a bandwidth problem or a singular local system throws its precise InputError;
 * otherwise (a score in a search) the score is +∞.
 */
const pass = (data: GwrData, kernel: GwrKernel, bw: GwrBandwidth, mode: Mode, strict: boolean, sorted?: Float64Array): { score: number; fit?: GwrFit } => {
  const { n, p, q, cols, X } = products(data)
  const y = data.y
  const { x: cx, y: cy } = data.coords
  const d2 = new Float64Array(n)
  const scratch = new Float64Array(sorted ? 0 : n)
  const wv = new Float64Array(n)
  const w2v = new Float64Array(n)
  const idx = new Int32Array(n)
  const A = new Float64Array(q)
  const B = new Float64Array(q)
  const bv = new Float64Array(p)
  const L = new Float64Array(p * p)
  const c = new Float64Array(p)
  const full = mode === "fit"
  const cv = mode === "cv"
  const bandwidth2 = new Float64Array(full ? n : 0)
  const betas = new Float64Array(full ? n * p : 0)
  const seRaw = new Float64Array(full ? n * p : 0)
  const fitted = new Float64Array(n)
  const tssW = new Float64Array(full ? n : 0)
  let meanY = 0
  for (let i = 0; i < n; i++) meanY += y[i]!
  meanY /= n
  const dev2 = Float64Array.from(y, (v) => (v - meanY) ** 2)
  // The columns summed with the weights (products, then x·y, then (y − ȳ)² for TSS_w) and with the squared weights.
  const withDev = [...cols, dev2]
  const squares = cols.slice(0, q)
  const sums = new Float64Array(q + p + 1)
  let traceS = 0
  let traceStS = 0
  let cvScore = 0
  const gaussian = kernel === "gaussian"
  const inv = new Float64Array(full ? p * p : 0)
  const e = new Float64Array(p)
  const fixedB2 = bw.adaptive ? 0 : bw.value * bw.value
  for (let i = 0; i < n; i++) {
    const xi = cx[i]!
    const yi = cy[i]!
    let nearest = Number.POSITIVE_INFINITY
    for (let j = 0; j < n; j++) {
      const dx = cx[j]! - xi
      const dy = cy[j]! - yi
      const v = dx * dx + dy * dy
      d2[j] = v
      if (v < nearest && j !== i) nearest = v
    }
    let b2 = fixedB2
    if (bw.adaptive) {
      if (sorted) b2 = sorted[i * n + bw.value - 1]!
      else {
        scratch.set(d2)
        b2 = selectKth(scratch, n, bw.value - 1)
      }
      if (!(b2 > 0)) {
        if (strict) throw sharedLocation(data, i, bw.value)
        return { score: Number.POSITIVE_INFINITY }
      }
    } else if (b2 < nearest && strict) throw belowNearest(data, i, bw.value, Math.sqrt(nearest))
    if (full) bandwidth2[i] = b2
    // The weights: dense for the gaussian kernel (idx null), the points inside the bandwidth for the bisquare.
    let m = 0
    let inside = 0
    let dense: Int32Array | null = idx
    const half = -0.5 / b2
    if (gaussian) {
      for (let j = 0; j < n; j++) wv[j] = Math.exp(d2[j]! * half)
      m = n
      dense = null
      if (cv) wv[i] = 0
    } else {
      for (let j = 0; j < n; j++) {
        const dj = d2[j]!
        if (dj >= b2) continue
        inside++
        if (cv && j === i) continue
        const u = 1 - dj / b2
        wv[m] = u * u
        idx[m++] = j
      }
    }
    weightedSums(wv, full ? withDev : cols, dense, m, sums, 0)
    for (let t = 0; t < q; t++) A[t] = sums[t]!
    for (let r = 0; r < p; r++) bv[r] = sums[q + r]!
    if (full) {
      tssW[i] = sums[q + p]!
      for (let k = 0; k < m; k++) w2v[k] = wv[k]! * wv[k]!
      weightedSums(w2v, squares, dense, m, B, 0)
    }
    if (!gaussian && !bw.adaptive && inside < p && strict) throw tooFewInside(data, i, bw.value, inside)
    if (!choleskyPacked(A, p, L)) {
      if (strict) throw singularAt(data, i)
      return { score: Number.POSITIVE_INFINITY }
    }
    cholSolve(L, p, bv)
    let yhat = 0
    for (let r = 0; r < p; r++) yhat += X[i * p + r]! * bv[r]!
    fitted[i] = yhat
    if (cv) {
      const res = y[i]! - yhat
      cvScore += res * res
      continue
    }
    // c = A⁻¹ x_i; S_ii = x_iᵀ A⁻¹ x_i (the point's own weight is 1 for both kernels).
    for (let r = 0; r < p; r++) c[r] = X[i * p + r]!
    cholSolve(L, p, c)
    let sii = 0
    for (let r = 0; r < p; r++) sii += X[i * p + r]! * c[r]!
    traceS += sii
    if (!full) continue
    // Row i of S is x_iᵀ A⁻¹ XᵀW_i, so Σ_j S_ij² = cᵀ (XᵀW_i²X) c.
    traceStS += quadratic(B, p, c)
    for (let r = 0; r < p; r++) betas[i * p + r] = bv[r]!
    // diag(C Cᵀ) = diag(A⁻¹ B A⁻¹): the columns of A⁻¹, then e_kᵀ A⁻¹ B A⁻¹ e_k.
    for (let k = 0; k < p; k++) {
      e.fill(0)
      e[k] = 1
      cholSolve(L, p, e)
      for (let r = 0; r < p; r++) inv[k * p + r] = e[r]!
    }
    for (let k = 0; k < p; k++) seRaw[i * p + k] = quadratic(B, p, inv.subarray(k * p, k * p + p))
  }
  if (cv) return { score: cvScore }
  let rss = 0
  for (let i = 0; i < n; i++) rss += (y[i]! - fitted[i]!) ** 2
  const ll = n * Math.log(rss / n) + n * Math.log(2 * Math.PI)
  const aicc = n - 2 - traceS > 0 ? ll + (n * (n + traceS)) / (n - 2 - traceS) : Number.NaN
  if (mode === "aicc") return { score: Number.isNaN(aicc) ? Number.POSITIVE_INFINITY : aicc }
  const edf = n - 2 * traceS + traceStS
  const sigma2 = rss / edf
  let tss = 0
  for (let i = 0; i < n; i++) tss += (y[i]! - meanY) ** 2
  const r2 = 1 - rss / tss
  const sq = new Float64Array(n)
  for (let j = 0; j < n; j++) sq[j] = (y[j]! - fitted[j]!) ** 2
  // Local R²: the GWR residuals weighted by each point's kernel. A fixed bandwidth makes the weights symmetric,
  // so each pair's weight is computed once.
  const rssW = new Float64Array(n)
  if (!bw.adaptive) {
    const half = -0.5 / fixedB2
    for (let i = 0; i < n; i++) {
      const xi = cx[i]!
      const yi = cy[i]!
      const sqi = sq[i]!
      let acc = sqi
      for (let j = i + 1; j < n; j++) {
        const dx = cx[j]! - xi
        const dy = cy[j]! - yi
        const dj = dx * dx + dy * dy
        let w: number
        if (gaussian) w = Math.exp(dj * half)
        else {
          if (dj >= fixedB2) continue
          const u = 1 - dj / fixedB2
          w = u * u
        }
        acc += w * sq[j]!
        rssW[j]! += w * sqi
      }
      rssW[i]! += acc
    }
  } else
    for (let i = 0; i < n; i++) {
      const xi = cx[i]!
      const yi = cy[i]!
      const b2 = bandwidth2[i]!
      const half = -0.5 / b2
      let acc = 0
      for (let j = 0; j < n; j++) {
        const dx = cx[j]! - xi
        const dy = cy[j]! - yi
        const dj = dx * dx + dy * dy
        if (gaussian) acc += Math.exp(dj * half) * sq[j]!
        else if (dj < b2) {
          const u = 1 - dj / b2
          acc += u * u * sq[j]!
        }
      }
      rssW[i] = acc
    }
  const rows: GwrRow[] = []
  for (let i = 0; i < n; i++) {
    rows.push({
      id: data.ids[i]!,
      coefficients: betas.slice(i * p, i * p + p),
      se: Float64Array.from(seRaw.subarray(i * p, i * p + p), (v) => Math.sqrt(sigma2 * v)),
      fitted: fitted[i]!,
      residual: y[i]! - fitted[i]!,
      localR2: (tssW[i]! - rssW[i]!) / tssW[i]!,
    })
  }
  const fit: GwrFit = {
    n,
    names: data.names,
    kernel,
    bandwidth: bw,
    rss,
    traceS,
    traceStS,
    enp: 2 * traceS - traceStS,
    edf,
    sigma2,
    aic: ll + n + traceS,
    aicc,
    r2,
    adjR2: 1 - ((1 - r2) * (n - 1)) / (edf - 1),
    rows,
  }
  return { score: aicc, fit }
}

/** vᵀ M v for a packed upper-triangular symmetric M. */
const quadratic = (m: Float64Array, p: number, v: ArrayLike<number>): number => {
  let s = 0
  let t = 0
  for (let r = 0; r < p; r++)
    for (let c = r; c < p; c++) {
      const term = m[t++]! * v[r]! * v[c]!
      s += r === c ? term : 2 * term
    }
  return s
}

/**
 * Geographically weighted regression (Brunsdon, Fotheringham and Charlton 1996) at the data points, with
 * GWmodel's (gwr.basic) definitions: weights from a gaussian exp(−½ d²/b²) or bisquare (1 − d²/b²)² (d < b) kernel,
 * b a fixed distance or, adaptive, the distance to the K-th nearest point with the point itself counted first;
 * β_i = (XᵀW_iX)⁻¹XᵀW_iy; S the hat matrix (row i: x_iᵀ(XᵀW_iX)⁻¹XᵀW_i); σ² = RSS/(n − 2 tr S + tr SᵀS);
 * SE(β_ik) = √(σ² [C_iC_iᵀ]_kk); AIC = n ln(RSS/n) + n ln 2π + n + tr S; AICc = n ln(RSS/n) + n ln 2π +
 * n (n + tr S)/(n − 2 − tr S); local R² from the kernel-weighted total and residual sums of squares. Distances are
 * Euclidean on the coordinates as given (project longitude/latitude first). Checks the parameters as
 * {@link checkBandwidth}, then, point by point, throws InputError "bandwidth_below_nearest_neighbour" (a fixed
 * bandwidth below the point's nearest-neighbour distance), "too_few_in_bandwidth" (a fixed bisquare bandwidth
 * holding fewer points than coefficients), "duplicate_locations" (a zero K-th distance) or
 * "singular_local_design", each naming the first point concerned.
 * @example gwr(data, "bisquare", { adaptive: true, value: 30 }).rows[0].coefficients
 */
export const gwr = (data: GwrData, kernel: GwrKernel, bandwidth: GwrBandwidth): GwrFit => {
  checkBandwidth(data, kernel, bandwidth)
  return pass(data, kernel, bandwidth, "fit", true).fit!
}

/**
 * The bandwidth selection score of GWmodel's bw.gwr at one bandwidth: AICc (gwr.aic: only tr S and RSS are
 * needed) or the cross-validation score CV = Σ_i (y_i − ŷ_≠i)², ŷ_≠i from the local regression at i with the
 * point's own weight set to 0 (gwr.cv). A bandwidth at which some local regression is singular, or with
 * n − 2 − tr S ≤ 0, scores +∞. `sorted` (from `sortedSquaredDistances`) makes adaptive bandwidths a lookup.
 * @example gwrScore(data, "gaussian", { adaptive: false, value: 2.5 }, "aicc")
 */
export const gwrScore = (data: GwrData, kernel: GwrKernel, bandwidth: GwrBandwidth, criterion: "aicc" | "cv", sorted?: Float64Array): number =>
  pass(data, kernel, bandwidth, criterion, false, sorted).score
