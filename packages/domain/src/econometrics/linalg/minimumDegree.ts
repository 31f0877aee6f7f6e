/**
 * A fill-reducing elimination order for a symmetric sparsity pattern by the minimum-degree rule: repeatedly
 * eliminate a node of least degree in the current elimination graph and join its neighbours into a clique.
 * The elimination graph is kept explicitly (adjacency lists with eliminated nodes dropped), degrees are exact,
 * and a bucket queue gives the next node. When the remaining graph is a clique the rest is appended in
 * one step. Its cost grows with the fill it models: nested dissection orders its small subgraphs with it, and
 * whole graphs are ordered by {@link approximateMinimumDegree}, which keeps a quotient graph instead.
 * Returns perm with perm[k] = the original index eliminated k-th.
 * @example minimumDegreeOrder(csr.rowPtr, csr.colIdx, n)
 */
export const minimumDegreeOrder = (rowPtr: Int32Array, colIdx: Int32Array, n: number): Int32Array => {
  const adj: number[][] = new Array(n)
  for (let i = 0; i < n; i++) {
    const row: number[] = []
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) if (colIdx[p] !== i) row.push(colIdx[p]!)
    adj[i] = row
  }
  const eliminated = new Uint8Array(n)
  const mark = new Int32Array(n).fill(-1)
  const degree = new Int32Array(n)
  // Bucket queue with lazy deletion: an entry is stale when the node's degree has changed.
  const buckets: number[][] = []
  const push = (v: number) => {
    const d = degree[v]!
    let b = buckets[d]
    if (b === undefined) {
      b = []
      buckets[d] = b
    }
    b.push(v)
  }
  for (let i = 0; i < n; i++) {
    degree[i] = adj[i]!.length
    push(i)
  }
  const perm = new Int32Array(n)
  let k = 0
  let minDeg = 0
  let stamp = 0
  while (k < n) {
    // Next node of least degree.
    let v = -1
    while (v < 0) {
      const b = buckets[minDeg]
      if (b === undefined || b.length === 0) {
        minDeg++
        continue
      }
      const c = b.pop()!
      if (!eliminated[c] && degree[c] === minDeg) v = c
    }
    const remaining = n - k
    if (minDeg >= remaining - 1) {
      // The rest is a clique: any order gives the same (dense) fill.
      perm[k++] = v
      eliminated[v] = 1
      for (let i = 0; i < n; i++)
        if (!eliminated[i]) {
          perm[k++] = i
          eliminated[i] = 1
        }
      break
    }
    perm[k++] = v
    eliminated[v] = 1
    const nb = adj[v]!
    adj[v] = []
    for (const u of nb) {
      // New neighbourhood of u: its old neighbours (minus eliminated ones) ∪ v's neighbours, minus u.
      stamp++
      const old = adj[u]!
      const next: number[] = []
      for (const x of old)
        if (!eliminated[x] && mark[x] !== stamp) {
          mark[x] = stamp
          next.push(x)
        }
      for (const x of nb)
        if (x !== u && mark[x] !== stamp) {
          mark[x] = stamp
          next.push(x)
        }
      adj[u] = next
      if (next.length !== degree[u]) {
        degree[u] = next.length
        push(u)
        if (next.length < minDeg) minDeg = next.length
      }
    }
  }
  return perm
}
