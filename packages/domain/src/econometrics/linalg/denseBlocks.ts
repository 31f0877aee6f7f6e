/**
 * Dense block kernels of the supernodal factorisations, on column-major blocks inside one Float64Array
 * (offset, leading dimension). Loops are unrolled four columns deep so that each element of the target is
 * loaded and stored once per four multiply–adds: most of the time of a sparse factorisation of a mesh is
 * spent here.
 * @internal
 */

/**
 * C −= A·Bᵀ on the lower trapezoid of C (j < q, j ≤ i < m) or on all of it (`full`): A is m×k, B is q×k,
 * a + p·lda + i addresses A[i, p] and b + p·ldb + j addresses B[j, p]. With B = A, a symmetric rank-k update.
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
  let p = 0
  for (; p + 4 <= k; p += 4) {
    const a0 = aOff + p * lda
    const a1 = a0 + lda
    const a2 = a1 + lda
    const a3 = a2 + lda
    const e0 = bOff + p * ldb
    const e1 = e0 + ldb
    const e2 = e1 + ldb
    const e3 = e2 + ldb
    let j = 0
    for (; j + 2 <= q; j += 2) {
      const b0 = b[e0 + j]!
      const b1 = b[e1 + j]!
      const b2 = b[e2 + j]!
      const b3 = b[e3 + j]!
      const d0 = b[e0 + j + 1]!
      const d1 = b[e1 + j + 1]!
      const d2 = b[e2 + j + 1]!
      const d3 = b[e3 + j + 1]!
      const cj = cOff + j * ldc
      const ck = cj + ldc
      let i = 0
      if (!full) {
        i = j + 1
        c[cj + j]! -= a[a0 + j]! * b0 + a[a1 + j]! * b1 + a[a2 + j]! * b2 + a[a3 + j]! * b3
      }
      for (; i < m; i++) {
        const x0 = a[a0 + i]!
        const x1 = a[a1 + i]!
        const x2 = a[a2 + i]!
        const x3 = a[a3 + i]!
        c[cj + i]! -= x0 * b0 + x1 * b1 + x2 * b2 + x3 * b3
        c[ck + i]! -= x0 * d0 + x1 * d1 + x2 * d2 + x3 * d3
      }
    }
    for (; j < q; j++) {
      const b0 = b[e0 + j]!
      const b1 = b[e1 + j]!
      const b2 = b[e2 + j]!
      const b3 = b[e3 + j]!
      const cj = cOff + j * ldc
      for (let i = full ? 0 : j; i < m; i++) c[cj + i]! -= a[a0 + i]! * b0 + a[a1 + i]! * b1 + a[a2 + i]! * b2 + a[a3 + i]! * b3
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
 * the rows below against it: on return the panel holds [L11; L21] with L21 = A21·L11⁻ᵀ. Blocked by 16
 * columns: each block is factorised left-looking, then the rest of the panel is updated with syrkLower.
 * Returns false when a pivot is not positive (the matrix is not positive definite).
 * @internal
 * @example panelCholesky(lx, base, nr, nr, nc)
 */
export const panelCholesky = (a: Float64Array, off: number, ld: number, nr: number, nc: number): boolean => {
  const nb = 16
  for (let b0 = 0; b0 < nc; b0 += nb) {
    const b1 = Math.min(nc, b0 + nb)
    for (let j = b0; j < b1; j++) {
      const cj = off + j * ld
      // Left-looking within the block: column j −= Σ_{b0 ≤ k < j} L[j, k]·column k (rows ≥ j).
      let k = b0
      for (; k + 2 <= j; k += 2) {
        const c0 = off + k * ld
        const c1 = c0 + ld
        const l0 = a[c0 + j]!
        const l1 = a[c1 + j]!
        for (let i = j; i < nr; i++) a[cj + i]! -= a[c0 + i]! * l0 + a[c1 + i]! * l1
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
  for (let b0 = 0; b0 < nc; b0 += nb) {
    const b1 = Math.min(nc, b0 + nb)
    for (let j = b0; j < b1; j++) {
      const cj = off + j * ld
      // Left-looking within the block: column j of L and row j of U.
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
