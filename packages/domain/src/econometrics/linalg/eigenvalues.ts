import { ComputationError } from "../../model/errors.js"

const noConvergence = (what: string) =>
  new ComputationError({
    code: "eigen_no_convergence",
    message: `eigenvalues did not converge (${what})`,
    zh: `特征值计算未收敛（${what}）`,
  })

const hypot = (a: number, b: number): number => {
  const x = Math.abs(a)
  const y = Math.abs(b)
  if (x > y) return x * Math.sqrt(1 + (y / x) ** 2)
  return y === 0 ? 0 : y * Math.sqrt(1 + (x / y) ** 2)
}

/**
 * Eigenvalues of a dense symmetric n×n matrix (row-major, full storage, overwritten): Householder reduction
 * to tridiagonal form with the symmetric rank-2 update on full rows (contiguous memory), then the implicit
 * QL algorithm with Wilkinson-type shifts.
 * @example symmetricEigenvalues(Float64Array.of(2, 1, 1, 2), 2) // [1, 3] in some order
 */
export const symmetricEigenvalues = (a: Float64Array, n: number): Float64Array => {
  const d = new Float64Array(n)
  const e = new Float64Array(n)
  const v = new Float64Array(n)
  const p = new Float64Array(n)
  for (let k = 0; k < n - 2; k++) {
    d[k] = a[k * n + k]!
    // x = A[k+1.., k], read from row k by symmetry.
    const rk = k * n
    let norm2 = 0
    for (let i = k + 1; i < n; i++) norm2 += a[rk + i]! * a[rk + i]!
    const x0 = a[rk + k + 1]!
    if (norm2 === 0) {
      e[k] = 0
      continue
    }
    const alpha = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2)
    e[k] = alpha
    // v = x − α e1, β = 2 / v'v.
    for (let i = k + 1; i < n; i++) v[i] = a[rk + i]!
    v[k + 1] = x0 - alpha
    const vv = norm2 - x0 * x0 + (x0 - alpha) * (x0 - alpha)
    if (vv === 0) continue
    const beta = 2 / vv
    // p = β·B·v on the trailing block B = A[k+1.., k+1..].
    let pv = 0
    for (let i = k + 1; i < n; i++) {
      const ri = i * n
      let s = 0
      for (let j = k + 1; j < n; j++) s += a[ri + j]! * v[j]!
      p[i] = beta * s
      pv += p[i]! * v[i]!
    }
    // w = p − (β/2)(p'v)v;  B ← B − v w' − w v'.
    const c = (beta / 2) * pv
    for (let i = k + 1; i < n; i++) p[i]! -= c * v[i]!
    for (let i = k + 1; i < n; i++) {
      const ri = i * n
      const vi = v[i]!
      const wi = p[i]!
      for (let j = k + 1; j < n; j++) a[ri + j]! -= vi * p[j]! + wi * v[j]!
    }
  }
  if (n >= 2) {
    d[n - 2] = a[(n - 2) * n + n - 2]!
    e[n - 2] = a[(n - 1) * n + n - 2]!
  }
  if (n >= 1) d[n - 1] = a[(n - 1) * n + n - 1]!
  if (n >= 1) e[n - 1] = 0
  // Implicit QL on the tridiagonal matrix: diagonal d, e[i] couples i and i + 1.
  for (let l = 0; l < n; l++) {
    let iter = 0
    let m: number
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]!) + Math.abs(d[m + 1]!)
        if (Math.abs(e[m]!) <= Number.EPSILON * dd) break
      }
      if (m !== l) {
        if (iter++ === 60) throw noConvergence("QL")
        let g = (d[l + 1]! - d[l]!) / (2 * e[l]!)
        let r = hypot(g, 1)
        g = d[m]! - d[l]! + e[l]! / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)))
        let s = 1
        let c = 1
        let p = 0
        let i: number
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i]!
          const b = c * e[i]!
          r = hypot(f, g)
          e[i + 1] = r
          if (r === 0) {
            d[i + 1]! -= p
            e[m] = 0
            break
          }
          s = f / r
          c = g / r
          g = d[i + 1]! - p
          r = (d[i]! - g) * s + 2 * c * b
          p = s * r
          d[i + 1] = g + p
          g = c * r - b
        }
        if (r === 0 && i >= l) continue
        d[l]! -= p
        e[l] = g
        e[m] = 0
      }
    } while (m !== l)
  }
  return d
}

/**
 * Eigenvalues (real and imaginary parts) of a dense general n×n matrix (row-major, overwritten): balancing,
 * reduction to upper Hessenberg form by stabilised elementary similarity transforms, then the shifted QR
 * algorithm (Francis double shift). Complex eigenvalues come in conjugate pairs.
 * @example generalEigenvalues(Float64Array.of(0, -1, 1, 0), 2) // re [0, 0], im [1, -1]
 */
export const generalEigenvalues = (a: Float64Array, n: number): { readonly re: Float64Array; readonly im: Float64Array } => {
  balance(a, n)
  hessenberg(a, n)
  return hessenbergQR(a, n)
}

const balance = (a: Float64Array, n: number): void => {
  const radix = 2
  const sqrdx = radix * radix
  let done = false
  while (!done) {
    done = true
    for (let i = 0; i < n; i++) {
      let r = 0
      let c = 0
      for (let j = 0; j < n; j++) {
        if (j !== i) {
          c += Math.abs(a[j * n + i]!)
          r += Math.abs(a[i * n + j]!)
        }
      }
      if (c !== 0 && r !== 0) {
        let g = r / radix
        let f = 1
        const s = c + r
        while (c < g) {
          f *= radix
          c *= sqrdx
        }
        g = r * radix
        while (c > g) {
          f /= radix
          c /= sqrdx
        }
        if ((c + r) / f < 0.95 * s) {
          done = false
          g = 1 / f
          for (let j = 0; j < n; j++) a[i * n + j]! *= g
          for (let j = 0; j < n; j++) a[j * n + i]! *= f
        }
      }
    }
  }
}

const hessenberg = (a: Float64Array, n: number): void => {
  for (let m = 1; m < n - 1; m++) {
    let x = 0
    let i = m
    for (let j = m; j < n; j++) {
      if (Math.abs(a[j * n + m - 1]!) > Math.abs(x)) {
        x = a[j * n + m - 1]!
        i = j
      }
    }
    if (i !== m) {
      for (let j = m - 1; j < n; j++) {
        const t = a[i * n + j]!
        a[i * n + j] = a[m * n + j]!
        a[m * n + j] = t
      }
      for (let j = 0; j < n; j++) {
        const t = a[j * n + i]!
        a[j * n + i] = a[j * n + m]!
        a[j * n + m] = t
      }
    }
    if (x !== 0) {
      for (i = m + 1; i < n; i++) {
        let y = a[i * n + m - 1]!
        if (y !== 0) {
          y /= x
          a[i * n + m - 1] = y
          for (let j = m; j < n; j++) a[i * n + j]! -= y * a[m * n + j]!
          for (let j = 0; j < n; j++) a[j * n + m]! += y * a[j * n + i]!
        }
      }
    }
  }
  for (let i = 2; i < n; i++) for (let j = 0; j < i - 1; j++) a[i * n + j] = 0
}

// Francis double-shift QR on an upper Hessenberg matrix; written with 1-based indices (ix) as in EISPACK hqr.
const hessenbergQR = (h: Float64Array, n: number): { re: Float64Array; im: Float64Array } => {
  const wr = new Float64Array(n + 1)
  const wi = new Float64Array(n + 1)
  const ix = (i: number, j: number) => (i - 1) * n + (j - 1)
  const sign = (a: number, b: number) => (b >= 0 ? Math.abs(a) : -Math.abs(a))
  let anorm = 0
  for (let i = 1; i <= n; i++) for (let j = Math.max(i - 1, 1); j <= n; j++) anorm += Math.abs(h[ix(i, j)]!)
  let nn = n
  let t = 0
  let p = 0
  let q = 0
  let r = 0
  let s = 0
  let w = 0
  let x = 0
  let y = 0
  let z = 0
  while (nn >= 1) {
    let its = 0
    let l: number
    do {
      for (l = nn; l >= 2; l--) {
        s = Math.abs(h[ix(l - 1, l - 1)]!) + Math.abs(h[ix(l, l)]!)
        if (s === 0) s = anorm
        if (Math.abs(h[ix(l, l - 1)]!) + s === s) {
          h[ix(l, l - 1)] = 0
          break
        }
      }
      x = h[ix(nn, nn)]!
      if (l === nn) {
        wr[nn] = x + t
        wi[nn--] = 0
      } else {
        y = h[ix(nn - 1, nn - 1)]!
        w = h[ix(nn, nn - 1)]! * h[ix(nn - 1, nn)]!
        if (l === nn - 1) {
          p = 0.5 * (y - x)
          q = p * p + w
          z = Math.sqrt(Math.abs(q))
          x += t
          if (q >= 0) {
            z = p + sign(z, p)
            wr[nn - 1] = wr[nn] = x + z
            if (z) wr[nn] = x - w / z
            wi[nn - 1] = wi[nn] = 0
          } else {
            wr[nn - 1] = wr[nn] = x + p
            wi[nn] = z
            wi[nn - 1] = -z
          }
          nn -= 2
        } else {
          if (its === 60) throw noConvergence("Hessenberg QR")
          if (its === 10 || its === 20 || its === 40) {
            // Exceptional shift.
            t += x
            for (let i = 1; i <= nn; i++) h[ix(i, i)]! -= x
            s = Math.abs(h[ix(nn, nn - 1)]!) + Math.abs(h[ix(nn - 1, nn - 2)]!)
            y = x = 0.75 * s
            w = -0.4375 * s * s
          }
          ++its
          let m: number
          for (m = nn - 2; m >= l; m--) {
            z = h[ix(m, m)]!
            r = x - z
            s = y - z
            p = (r * s - w) / h[ix(m + 1, m)]! + h[ix(m, m + 1)]!
            q = h[ix(m + 1, m + 1)]! - z - r - s
            r = h[ix(m + 2, m + 1)]!
            s = Math.abs(p) + Math.abs(q) + Math.abs(r)
            p /= s
            q /= s
            r /= s
            if (m === l) break
            const u = Math.abs(h[ix(m, m - 1)]!) * (Math.abs(q) + Math.abs(r))
            const v = Math.abs(p) * (Math.abs(h[ix(m - 1, m - 1)]!) + Math.abs(z) + Math.abs(h[ix(m + 1, m + 1)]!))
            if (u + v === v) break
          }
          for (let i = m + 2; i <= nn; i++) {
            h[ix(i, i - 2)] = 0
            if (i !== m + 2) h[ix(i, i - 3)] = 0
          }
          for (let k = m; k <= nn - 1; k++) {
            if (k !== m) {
              p = h[ix(k, k - 1)]!
              q = h[ix(k + 1, k - 1)]!
              r = 0
              if (k !== nn - 1) r = h[ix(k + 2, k - 1)]!
              x = Math.abs(p) + Math.abs(q) + Math.abs(r)
              if (x !== 0) {
                p /= x
                q /= x
                r /= x
              }
            }
            s = sign(Math.sqrt(p * p + q * q + r * r), p)
            if (s !== 0) {
              if (k === m) {
                if (l !== m) h[ix(k, k - 1)] = -h[ix(k, k - 1)]!
              } else {
                h[ix(k, k - 1)] = -s * x
              }
              p += s
              x = p / s
              y = q / s
              z = r / s
              q /= p
              r /= p
              for (let j = k; j <= nn; j++) {
                p = h[ix(k, j)]! + q * h[ix(k + 1, j)]!
                if (k !== nn - 1) {
                  p += r * h[ix(k + 2, j)]!
                  h[ix(k + 2, j)]! -= p * z
                }
                h[ix(k + 1, j)]! -= p * y
                h[ix(k, j)]! -= p * x
              }
              const mmin = Math.min(nn, k + 3)
              for (let i = l; i <= mmin; i++) {
                p = x * h[ix(i, k)]! + y * h[ix(i, k + 1)]!
                if (k !== nn - 1) {
                  p += z * h[ix(i, k + 2)]!
                  h[ix(i, k + 2)]! -= p * r
                }
                h[ix(i, k + 1)]! -= p * q
                h[ix(i, k)]! -= p
              }
            }
          }
        }
      }
    } while (l < nn - 1)
  }
  return { re: wr.subarray(1), im: wi.subarray(1) }
}
