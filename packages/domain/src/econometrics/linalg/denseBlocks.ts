/**
 * Dense block kernels of the supernodal factorisations, on column-major blocks inside one Float64Array
 * (offset, leading dimension). Loops are unrolled four columns deep so that each element of the target is
 * loaded and stored once per four multiply–adds: most of the time of a sparse factorisation of a mesh is
 * spent here.
 * @internal
 */
import { kernelFor } from "./denseKernel.js"

/**
 * C −= A·Bᵀ on the lower trapezoid of C (columns j < q, rows i ≥ j, i < m) or on all of it (`full`): A is
 * m×k, B is q×k, a + p·lda + i addresses A[i, p] and b + p·ldb + j addresses B[j, p]. With B = A, a
 * symmetric rank-k update. The lower variant works on 8-column strips and also writes the part above the
 * diagonal inside each 8×8 diagonal block: callers keep nothing there.
 * Eight columns of A against eight of B at a time: each element of C is loaded and stored once per 64
 * multiply–adds' worth of operands held in registers, about twice the speed of a 4×2 blocking in V8.
 * @internal
 * @example updateNT(cb, 0, m, m, m, lx, nc, nr, lx, nc, nr, nc, false) // cb −= L21·L21ᵀ
 */
export const updateNT = (
  c: Float64Array,
  cOff: number,
  ldc: number,
  m: number,
  q: number,
  a: Float64Array,
  aOff: number,
  lda: number,
  b: Float64Array,
  bOff: number,
  ldb: number,
  k: number,
  full: boolean,
): void => {
  const kernels = m > 0 && q > 0 && k > 0 ? kernelFor(c, a, b) : undefined
  if (kernels === undefined) {
    updateLoops(c, cOff, ldc, m, q, a, aOff, lda, b, bOff, ldb, k, full)
    return
  }
  // A's and B's columns in blocks of 8, then one block of 4, then one at a time, as the loops take them: each
  // element of C receives the same terms in the same order.
  const ab = a.byteOffset + aOff * 8
  const bb = b.byteOffset + bOff * 8
  const cb = c.byteOffset + cOff * 8
  const k8 = k & ~7
  if (k8 > 0) kernels.update8(ab, lda * 8, bb, ldb * 8, cb, ldc * 8, m, k8 >> 3, q, full ? 1 : 0)
  let p = k8
  if (k - p >= 4) {
    kernels.update4(ab + p * lda * 8, lda * 8, bb + p * ldb * 8, ldb * 8, cb, ldc * 8, m, 1, q, full ? 1 : 0)
    p += 4
  }
  if (p < k) kernels.update1(ab + p * lda * 8, lda * 8, bb + p * ldb * 8, ldb * 8, cb, ldc * 8, m, k - p, q, full ? 1 : 0)
}

// updateNT in JavaScript.
const updateLoops = (
  c: Float64Array,
  cOff: number,
  ldc: number,
  m: number,
  q: number,
  a: Float64Array,
  aOff: number,
  lda: number,
  b: Float64Array,
  bOff: number,
  ldb: number,
  k: number,
  full: boolean,
): void => {
  let p = 0
  for (; p + 8 <= k; p += 8) {
    const a0 = aOff + (p + 0) * lda
    const a1 = aOff + (p + 1) * lda
    const a2 = aOff + (p + 2) * lda
    const a3 = aOff + (p + 3) * lda
    const a4 = aOff + (p + 4) * lda
    const a5 = aOff + (p + 5) * lda
    const a6 = aOff + (p + 6) * lda
    const a7 = aOff + (p + 7) * lda
    const e0 = bOff + (p + 0) * ldb
    const e1 = bOff + (p + 1) * ldb
    const e2 = bOff + (p + 2) * ldb
    const e3 = bOff + (p + 3) * ldb
    const e4 = bOff + (p + 4) * ldb
    const e5 = bOff + (p + 5) * ldb
    const e6 = bOff + (p + 6) * ldb
    const e7 = bOff + (p + 7) * ldb
    let j = 0
    for (; j + 8 <= q; j += 8) {
      const b00 = b[e0 + j + 0]!
      const b01 = b[e1 + j + 0]!
      const b02 = b[e2 + j + 0]!
      const b03 = b[e3 + j + 0]!
      const b04 = b[e4 + j + 0]!
      const b05 = b[e5 + j + 0]!
      const b06 = b[e6 + j + 0]!
      const b07 = b[e7 + j + 0]!
      const b10 = b[e0 + j + 1]!
      const b11 = b[e1 + j + 1]!
      const b12 = b[e2 + j + 1]!
      const b13 = b[e3 + j + 1]!
      const b14 = b[e4 + j + 1]!
      const b15 = b[e5 + j + 1]!
      const b16 = b[e6 + j + 1]!
      const b17 = b[e7 + j + 1]!
      const b20 = b[e0 + j + 2]!
      const b21 = b[e1 + j + 2]!
      const b22 = b[e2 + j + 2]!
      const b23 = b[e3 + j + 2]!
      const b24 = b[e4 + j + 2]!
      const b25 = b[e5 + j + 2]!
      const b26 = b[e6 + j + 2]!
      const b27 = b[e7 + j + 2]!
      const b30 = b[e0 + j + 3]!
      const b31 = b[e1 + j + 3]!
      const b32 = b[e2 + j + 3]!
      const b33 = b[e3 + j + 3]!
      const b34 = b[e4 + j + 3]!
      const b35 = b[e5 + j + 3]!
      const b36 = b[e6 + j + 3]!
      const b37 = b[e7 + j + 3]!
      const b40 = b[e0 + j + 4]!
      const b41 = b[e1 + j + 4]!
      const b42 = b[e2 + j + 4]!
      const b43 = b[e3 + j + 4]!
      const b44 = b[e4 + j + 4]!
      const b45 = b[e5 + j + 4]!
      const b46 = b[e6 + j + 4]!
      const b47 = b[e7 + j + 4]!
      const b50 = b[e0 + j + 5]!
      const b51 = b[e1 + j + 5]!
      const b52 = b[e2 + j + 5]!
      const b53 = b[e3 + j + 5]!
      const b54 = b[e4 + j + 5]!
      const b55 = b[e5 + j + 5]!
      const b56 = b[e6 + j + 5]!
      const b57 = b[e7 + j + 5]!
      const b60 = b[e0 + j + 6]!
      const b61 = b[e1 + j + 6]!
      const b62 = b[e2 + j + 6]!
      const b63 = b[e3 + j + 6]!
      const b64 = b[e4 + j + 6]!
      const b65 = b[e5 + j + 6]!
      const b66 = b[e6 + j + 6]!
      const b67 = b[e7 + j + 6]!
      const b70 = b[e0 + j + 7]!
      const b71 = b[e1 + j + 7]!
      const b72 = b[e2 + j + 7]!
      const b73 = b[e3 + j + 7]!
      const b74 = b[e4 + j + 7]!
      const b75 = b[e5 + j + 7]!
      const b76 = b[e6 + j + 7]!
      const b77 = b[e7 + j + 7]!
      const c0 = cOff + (j + 0) * ldc
      const c1 = cOff + (j + 1) * ldc
      const c2 = cOff + (j + 2) * ldc
      const c3 = cOff + (j + 3) * ldc
      const c4 = cOff + (j + 4) * ldc
      const c5 = cOff + (j + 5) * ldc
      const c6 = cOff + (j + 6) * ldc
      const c7 = cOff + (j + 7) * ldc
      for (let i = full ? 0 : j; i < m; i++) {
        const x0 = a[a0 + i]!
        const x1 = a[a1 + i]!
        const x2 = a[a2 + i]!
        const x3 = a[a3 + i]!
        const x4 = a[a4 + i]!
        const x5 = a[a5 + i]!
        const x6 = a[a6 + i]!
        const x7 = a[a7 + i]!
        c[c0 + i]! -= x0 * b00 + x1 * b01 + x2 * b02 + x3 * b03 + x4 * b04 + x5 * b05 + x6 * b06 + x7 * b07
        c[c1 + i]! -= x0 * b10 + x1 * b11 + x2 * b12 + x3 * b13 + x4 * b14 + x5 * b15 + x6 * b16 + x7 * b17
        c[c2 + i]! -= x0 * b20 + x1 * b21 + x2 * b22 + x3 * b23 + x4 * b24 + x5 * b25 + x6 * b26 + x7 * b27
        c[c3 + i]! -= x0 * b30 + x1 * b31 + x2 * b32 + x3 * b33 + x4 * b34 + x5 * b35 + x6 * b36 + x7 * b37
        c[c4 + i]! -= x0 * b40 + x1 * b41 + x2 * b42 + x3 * b43 + x4 * b44 + x5 * b45 + x6 * b46 + x7 * b47
        c[c5 + i]! -= x0 * b50 + x1 * b51 + x2 * b52 + x3 * b53 + x4 * b54 + x5 * b55 + x6 * b56 + x7 * b57
        c[c6 + i]! -= x0 * b60 + x1 * b61 + x2 * b62 + x3 * b63 + x4 * b64 + x5 * b65 + x6 * b66 + x7 * b67
        c[c7 + i]! -= x0 * b70 + x1 * b71 + x2 * b72 + x3 * b73 + x4 * b74 + x5 * b75 + x6 * b76 + x7 * b77
      }
    }
    for (; j < q; j++) {
      const b00 = b[e0 + j]!
      const b01 = b[e1 + j]!
      const b02 = b[e2 + j]!
      const b03 = b[e3 + j]!
      const b04 = b[e4 + j]!
      const b05 = b[e5 + j]!
      const b06 = b[e6 + j]!
      const b07 = b[e7 + j]!
      const c0 = cOff + j * ldc
      for (let i = full ? 0 : j; i < m; i++)
        c[c0 + i]! -=
          a[a0 + i]! * b00 + a[a1 + i]! * b01 + a[a2 + i]! * b02 + a[a3 + i]! * b03 + a[a4 + i]! * b04 + a[a5 + i]! * b05 + a[a6 + i]! * b06 + a[a7 + i]! * b07
    }
  }
  for (; p + 4 <= k; p += 4) {
    const a0 = aOff + (p + 0) * lda
    const a1 = aOff + (p + 1) * lda
    const a2 = aOff + (p + 2) * lda
    const a3 = aOff + (p + 3) * lda
    const e0 = bOff + (p + 0) * ldb
    const e1 = bOff + (p + 1) * ldb
    const e2 = bOff + (p + 2) * ldb
    const e3 = bOff + (p + 3) * ldb
    let j = 0
    for (; j + 4 <= q; j += 4) {
      const b00 = b[e0 + j + 0]!
      const b01 = b[e1 + j + 0]!
      const b02 = b[e2 + j + 0]!
      const b03 = b[e3 + j + 0]!
      const b10 = b[e0 + j + 1]!
      const b11 = b[e1 + j + 1]!
      const b12 = b[e2 + j + 1]!
      const b13 = b[e3 + j + 1]!
      const b20 = b[e0 + j + 2]!
      const b21 = b[e1 + j + 2]!
      const b22 = b[e2 + j + 2]!
      const b23 = b[e3 + j + 2]!
      const b30 = b[e0 + j + 3]!
      const b31 = b[e1 + j + 3]!
      const b32 = b[e2 + j + 3]!
      const b33 = b[e3 + j + 3]!
      const c0 = cOff + (j + 0) * ldc
      const c1 = cOff + (j + 1) * ldc
      const c2 = cOff + (j + 2) * ldc
      const c3 = cOff + (j + 3) * ldc
      for (let i = full ? 0 : j; i < m; i++) {
        const x0 = a[a0 + i]!
        const x1 = a[a1 + i]!
        const x2 = a[a2 + i]!
        const x3 = a[a3 + i]!
        c[c0 + i]! -= x0 * b00 + x1 * b01 + x2 * b02 + x3 * b03
        c[c1 + i]! -= x0 * b10 + x1 * b11 + x2 * b12 + x3 * b13
        c[c2 + i]! -= x0 * b20 + x1 * b21 + x2 * b22 + x3 * b23
        c[c3 + i]! -= x0 * b30 + x1 * b31 + x2 * b32 + x3 * b33
      }
    }
    for (; j < q; j++) {
      const b00 = b[e0 + j]!
      const b01 = b[e1 + j]!
      const b02 = b[e2 + j]!
      const b03 = b[e3 + j]!
      const c0 = cOff + j * ldc
      for (let i = full ? 0 : j; i < m; i++) c[c0 + i]! -= a[a0 + i]! * b00 + a[a1 + i]! * b01 + a[a2 + i]! * b02 + a[a3 + i]! * b03
    }
  }
  for (; p < k; p++) {
    const a0 = aOff + p * lda
    const e0 = bOff + p * ldb
    for (let j = 0; j < q; j++) {
      const b0 = b[e0 + j]!
      if (b0 === 0) continue
      const cj = cOff + j * ldc
      for (let i = full ? 0 : j; i < m; i++) c[cj + i]! -= a[a0 + i]! * b0
    }
  }
}

/**
 * C −= A·Aᵀ on the lower trapezoid of C (see {@link updateNT}).
 * @internal
 * @example syrkLower(cb, 0, m, m, m, lx, base + nc, nr, nc) // cb −= L21·L21ᵀ
 */
export const syrkLower = (c: Float64Array, cOff: number, ldc: number, m: number, q: number, a: Float64Array, aOff: number, lda: number, k: number): void =>
  updateNT(c, cOff, ldc, m, q, a, aOff, lda, a, aOff, lda, k, false)

/**
 * Cholesky of the leading nc×nc block of an nr×nc panel (column-major, leading dimension ld) and the solve of
 * the rows below against it: on return the panel holds [L11; L21] with L21 = A21·L11⁻ᵀ. Blocked by 8
 * columns: each block is factorised left-looking, then the rest of the panel is updated with syrkLower.
 * Returns false when a pivot is not positive (the matrix is not positive definite).
 * @internal
 * @example panelCholesky(lx, base, nr, nr, nc)
 */
export const panelCholesky = (a: Float64Array, off: number, ld: number, nr: number, nc: number): boolean => {
  const nb = 8
  for (let b0 = 0; b0 < nc; b0 += nb) {
    const b1 = Math.min(nc, b0 + nb)
    for (let j = b0; j < b1; j++) {
      const cj = off + j * ld
      // Left-looking within the block: column j −= Σ_{b0 ≤ k < j} L[j, k]·column k (rows ≥ j), four at a time.
      let k = b0
      for (; k + 4 <= j; k += 4) {
        const c0 = off + k * ld
        const c1 = c0 + ld
        const c2 = c1 + ld
        const c3 = c2 + ld
        const l0 = a[c0 + j]!
        const l1 = a[c1 + j]!
        const l2 = a[c2 + j]!
        const l3 = a[c3 + j]!
        for (let i = j; i < nr; i++) a[cj + i]! -= a[c0 + i]! * l0 + a[c1 + i]! * l1 + a[c2 + i]! * l2 + a[c3 + i]! * l3
      }
      for (; k < j; k++) {
        const c0 = off + k * ld
        const l0 = a[c0 + j]!
        for (let i = j; i < nr; i++) a[cj + i]! -= a[c0 + i]! * l0
      }
      const d = a[cj + j]!
      if (!(d > 0)) return false
      const r = Math.sqrt(d)
      a[cj + j] = r
      const inv = 1 / r
      for (let i = j + 1; i < nr; i++) a[cj + i]! *= inv
    }
    if (b1 < nc) {
      // Columns b1 … nc − 1 (rows ≥ their own index) −= L[:, b0:b1]·L[b1:nc, b0:b1]ᵀ.
      syrkLower(a, off + b1 * ld + b1, ld, nr - b1, nc - b1, a, off + b0 * ld + b1, ld, b1 - b0)
    }
  }
  return true
}

/**
 * C −= A·B (general product, no symmetry): C is m×q, A is m×k, B is k×q, all column-major.
 * @internal
 * @example gemmMinus(c, 0, m, m, q, a, 0, m, b, 0, k, k)
 */
export const gemmMinus = (
  c: Float64Array,
  cOff: number,
  ldc: number,
  m: number,
  q: number,
  a: Float64Array,
  aOff: number,
  lda: number,
  b: Float64Array,
  bOff: number,
  ldb: number,
  k: number,
): void => {
  let p = 0
  for (; p + 4 <= k; p += 4) {
    const a0 = aOff + p * lda
    const a1 = a0 + lda
    const a2 = a1 + lda
    const a3 = a2 + lda
    let j = 0
    for (; j + 2 <= q; j += 2) {
      const bj = bOff + j * ldb + p
      const bk = bj + ldb
      const b0 = b[bj]!
      const b1 = b[bj + 1]!
      const b2 = b[bj + 2]!
      const b3 = b[bj + 3]!
      const d0 = b[bk]!
      const d1 = b[bk + 1]!
      const d2 = b[bk + 2]!
      const d3 = b[bk + 3]!
      const cj = cOff + j * ldc
      const ck = cj + ldc
      for (let i = 0; i < m; i++) {
        const x0 = a[a0 + i]!
        const x1 = a[a1 + i]!
        const x2 = a[a2 + i]!
        const x3 = a[a3 + i]!
        c[cj + i]! -= x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3
        c[ck + i]! -= x0 * d0 + x1 * d1 + x2 * d2 + x3 * d3
      }
    }
    for (; j < q; j++) {
      const bj = bOff + j * ldb + p
      const b0 = b[bj]!
      const b1 = b[bj + 1]!
      const b2 = b[bj + 2]!
      const b3 = b[bj + 3]!
      const cj = cOff + j * ldc
      for (let i = 0; i < m; i++) c[cj + i]! -= a[a0 + i]! * b0 + a[a1 + i]! * b1 + a[a2 + i]! * b2 + a[a3 + i]! * b3
    }
  }
  for (; p < k; p++) {
    const a0 = aOff + p * lda
    for (let j = 0; j < q; j++) {
      const b0 = b[bOff + j * ldb + p]!
      if (b0 === 0) continue
      const cj = cOff + j * ldc
      for (let i = 0; i < m; i++) c[cj + i]! -= a[a0 + i]! * b0
    }
  }
}

/**
 * LU without pivoting of the leading nc×nc block of a frontal matrix whose first nc columns (rows ≥ column,
 * diagonal included) are in `l` and first nc rows (columns > row, stored transposed: l-layout) are in `u`,
 * both nr×nc column-major with leading dimension ld; the rows and columns below and right are reduced
 * against it. On return `l` holds the unit-lower L (strictly below the diagonal) with U's diagonal on it,
 * and `u` holds Uᵀ strictly below the diagonal. Blocked by 16 like {@link panelCholesky}. Returns false on
 * a zero or non-finite pivot.
 * @internal
 * @example panelLU(lx, ux, base, nr, nr, nc)
 */
export const panelLU = (l: Float64Array, u: Float64Array, off: number, ld: number, nr: number, nc: number): boolean => {
  const nb = 16
  const kernels = kernelFor(l, l, u)
  for (let b0 = 0; b0 < nc; b0 += nb) {
    const b1 = Math.min(nc, b0 + nb)
    for (let j = b0; j < b1; j++) {
      const cj = off + j * ld
      // Left-looking within the block: column j of L and row j of U. Each is a sequence of column updates with
      // the zero terms skipped — the width-1 kernel's arithmetic, in the same order per element; the L and U
      // updates read only finished columns, so all of L's may go before U's.
      if (kernels !== undefined && j > b0) {
        const k0 = off + b0 * ld + j
        kernels.update1(l.byteOffset + k0 * 8, ld * 8, u.byteOffset + k0 * 8, ld * 8, l.byteOffset + (cj + j) * 8, ld * 8, nr - j, j - b0, 1, 1)
        if (nr > j + 1)
          kernels.update1(u.byteOffset + (k0 + 1) * 8, ld * 8, l.byteOffset + k0 * 8, ld * 8, u.byteOffset + (cj + j + 1) * 8, ld * 8, nr - j - 1, j - b0, 1, 1)
      } else
        for (let k = b0; k < j; k++) {
          const ck = off + k * ld
          const ukj = u[ck + j]!
          const ljk = l[ck + j]!
          if (ukj !== 0) for (let i = j; i < nr; i++) l[cj + i]! -= l[ck + i]! * ukj
          if (ljk !== 0) for (let i = j + 1; i < nr; i++) u[cj + i]! -= u[ck + i]! * ljk
        }
      const d = l[cj + j]!
      if (d === 0 || !Number.isFinite(d)) return false
      const inv = 1 / d
      for (let i = j + 1; i < nr; i++) l[cj + i]! *= inv
    }
    if (b1 < nc) {
      const bo = off + b0 * ld + b1
      const co = off + b1 * ld + b1
      updateNT(l, co, ld, nr - b1, nc - b1, l, bo, ld, u, bo, ld, b1 - b0, false)
      updateNT(u, co, ld, nr - b1, nc - b1, u, bo, ld, l, bo, ld, b1 - b0, false)
    }
  }
  return true
}

/**
 * dst[dOff + i·ldd + j] = src[sOff + j·lds + i] for i < rows, j < cols: a column-major rows × cols block into its
 * transpose, eight rows of dst at a time: each column of src gives eight consecutive entries, written to eight
 * rows of dst in step (2.5× the speed of 8 × 8 tiles in V8, whose index arithmetic dominated).
 * @internal
 * @example transposeInto(y, 0, m, m, nc, yt, 0, nc) // yt[r·nc + c] = y[c·m + r]
 */
export const transposeInto = (src: Float64Array, sOff: number, lds: number, rows: number, cols: number, dst: Float64Array, dOff: number, ldd: number): void => {
  let i = 0
  for (; i + 8 <= rows; i += 8) {
    const d0 = dOff + i * ldd
    const d1 = d0 + ldd
    const d2 = d1 + ldd
    const d3 = d2 + ldd
    const d4 = d3 + ldd
    const d5 = d4 + ldd
    const d6 = d5 + ldd
    const d7 = d6 + ldd
    for (let j = 0, s = sOff + i; j < cols; j++, s += lds) {
      dst[d0 + j] = src[s]!
      dst[d1 + j] = src[s + 1]!
      dst[d2 + j] = src[s + 2]!
      dst[d3 + j] = src[s + 3]!
      dst[d4 + j] = src[s + 4]!
      dst[d5 + j] = src[s + 5]!
      dst[d6 + j] = src[s + 6]!
      dst[d7 + j] = src[s + 7]!
    }
  }
  for (; i < rows; i++) {
    const d = dOff + i * ldd
    for (let j = 0, s = sOff + i; j < cols; j++, s += lds) dst[d + j] = src[s]!
  }
}

/**
 * Gather the m × m block of a parent's frontal matrix (column-major, leading dimension ldp, at pOff) at the rows
 * and columns rel[r0 … r0 + m) into dst (leading dimension ldd): dst[t2·ldd + t1] = parent[rel[t2]·ldp + rel[t1]].
 * Runs of consecutive parent rows (long in a mesh's separators; runEnd[r0 + t] is where the run from t ends, as
 * {@link consecutiveRuns} gives it) move as one block.
 * @internal
 * @example gatherFront(stack, pf, pnr, relIdx, runEnd, rel, m, stack, rr, m)
 */
export const gatherFront = (
  parent: Float64Array,
  pOff: number,
  ldp: number,
  rel: Int32Array,
  runEnd: Int32Array,
  r0: number,
  m: number,
  dst: Float64Array,
  dOff: number,
  ldd: number,
): void => {
  for (let t2 = 0; t2 < m; t2++) {
    const src = pOff + rel[r0 + t2]! * ldp
    const d = dOff + t2 * ldd
    for (let t1 = 0; t1 < m; ) {
      const e = runEnd[r0 + t1]!
      const from = src + rel[r0 + t1]!
      if (e - t1 >= 12) {
        if (dst === parent) dst.copyWithin(d + t1, from, from + (e - t1))
        else dst.set(parent.subarray(from, from + (e - t1)), d + t1)
      } else for (let t = t1; t < e; t++) dst[d + t] = parent[from + (t - t1)]!
      t1 = e
    }
  }
}

/**
 * The extend-add of one column of a child's update matrix: target[dst + rel[r0 + t]] += src[sOff + t] for t in
 * from … to − 1, a run of consecutive parent rows (runEnd, as {@link consecutiveRuns} gives it) with one offset.
 * @internal
 * @example addRuns(lx, base + q2 * nr, stack, at + t2 * mc, relIdx, runEnd, rel, t2, mc)
 */
export const addRuns = (
  target: Float64Array,
  dst: number,
  src: Float64Array,
  sOff: number,
  rel: Int32Array,
  runEnd: Int32Array,
  r0: number,
  from: number,
  to: number,
): void => {
  for (let t1 = from; t1 < to; ) {
    const end = runEnd[r0 + t1]!
    const off = dst + rel[r0 + t1]! - t1 - sOff
    for (let t = sOff + t1; t < sOff + end; t++) target[off + t]! += src[t]!
    t1 = end
  }
}

/**
 * For the rows below each supernode's pivots (rel[rowPtr[s] + nc … rowPtr[s + 1]), positions in the parent), where
 * the run of consecutive parent positions starting at each row ends, counted from the supernode's first row below.
 * The extend-add and {@link gatherFront} then move a run with one offset.
 * @internal
 * @example consecutiveRuns(symbolic)
 */
export const consecutiveRuns = (s: {
  readonly nsuper: number
  readonly superStart: Int32Array
  readonly rowPtr: Int32Array
  readonly relIdx: Int32Array
}): Int32Array => {
  const { nsuper, superStart, rowPtr, relIdx } = s
  const runEnd = new Int32Array(relIdx.length)
  for (let sn = 0; sn < nsuper; sn++) {
    const rel = rowPtr[sn]! + (superStart[sn + 1]! - superStart[sn]!)
    const m = rowPtr[sn + 1]! - rel
    for (let t = m - 1; t >= 0; t--) runEnd[rel + t] = t + 1 < m && relIdx[rel + t + 1]! === relIdx[rel + t]! + 1 ? runEnd[rel + t + 1]! : t + 1
  }
  return runEnd
}

/**
 * X = T⁻¹ for the lower-triangular nc × nc block T at t[off] (column-major, leading dimension ld; entries above
 * the diagonal are not read), into x[xOff …] row-major (x[xOff + p·nc + k] = X[p, k], zero above the diagonal).
 * T's diagonal is read from diag at the same places, or taken as 1 when diag is undefined (unit triangular).
 * By blocks of 8 rows P = p0 … p0 + 7: X_PP = T_PP⁻¹ by substitution, and X[P, :p0] = −X_PP·(T[P, :p0]·X[:p0, :p0]),
 * the product by the block kernel. `work` (in x's arena, from workOff) holds nc² + 8·nc entries: T copied beside X,
 * so that the kernel reads both.
 * @internal
 * @example lowerInverseRows(lx, base, nr, nc, lx, x, 0, work, 0) // x = L_JJ⁻¹
 */
export const lowerInverseRows = (
  t: Float64Array,
  off: number,
  ld: number,
  nc: number,
  diag: Float64Array | undefined,
  x: Float64Array,
  xOff: number,
  work: Float64Array,
  workOff: number,
): void => {
  const tc = workOff
  const z = workOff + nc * nc
  for (let c = 0; c < nc; c++) work.set(t.subarray(off + c * ld + c, off + c * ld + nc), tc + c * nc + c)
  for (let p0 = 0; p0 < nc; p0 += 8) {
    const p1 = Math.min(nc, p0 + 8)
    const w = p1 - p0
    // X_PP row by row: X[p, k] = −(Σ_{k < j ≤ p} X[p, j]·T[j, k]) / T[k, k].
    for (let p = p0; p < p1; p++) {
      const xp = xOff + p * nc
      x.fill(0, xp, xp + nc)
      x[xp + p] = diag === undefined ? 1 : 1 / diag[off + p * ld + p]!
      for (let k = p - 1; k >= p0; k--) {
        let s = 0
        for (let j = k + 1; j <= p; j++) s += work[tc + k * nc + j]! * x[xp + j]!
        x[xp + k] = diag === undefined ? -s : -s / diag[off + k * ld + k]!
      }
    }
    if (p0 === 0) continue
    // z = −(T[P, :p0]·X[:p0, :p0])ᵀ (p0 × w, column r at z + r·p0), then X[p0 + r, k] = Σ_{s ≤ r} X_PP[r, s]·z[s·p0 + k].
    work.fill(0, z, z + w * p0)
    updateNT(work, z, p0, p0, w, x, xOff, nc, work, tc + p0, nc, p0, true)
    for (let r = 0; r < w; r++) {
      const xr = xOff + (p0 + r) * nc
      for (let s2 = 0; s2 <= r; s2++) {
        const v = x[xr + p0 + s2]!
        const zs = z + s2 * p0
        for (let k = 0; k < p0; k++) x[xr + k]! += v * work[zs + k]!
      }
    }
  }
}
