// Symmetric sparsity patterns for the tests of the orderings and the symbolic analysis.

/** A symmetric pattern in CSR form, without its diagonal. */
export interface Pattern {
  readonly n: number
  readonly rowPtr: Int32Array
  readonly colIdx: Int32Array
}

/** The pattern of undirected edges (self-links dropped, repeats merged), each row ascending. */
export const pattern = (n: number, edges: ReadonlyArray<readonly [number, number]>): Pattern => {
  const sets = Array.from({ length: n }, () => new Set<number>())
  for (const [a, b] of edges)
    if (a !== b) {
      sets[a]!.add(b)
      sets[b]!.add(a)
    }
  const rowPtr = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) rowPtr[i + 1] = rowPtr[i]! + sets[i]!.size
  const colIdx = new Int32Array(rowPtr[n]!)
  sets.forEach((s, i) => {
    colIdx.set(
      [...s].sort((a, b) => a - b),
      rowPtr[i]!,
    )
  })
  return { n, rowPtr, colIdx }
}

/** Queen contiguity on a rows × cols lattice. */
export const queenGrid = (rows: number, cols: number): Pattern => {
  const edges: Array<[number, number]> = []
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      for (const [dr, dc] of [
        [0, 1],
        [1, -1],
        [1, 0],
        [1, 1],
      ] as const)
        if (r + dr < rows && c + dc >= 0 && c + dc < cols) edges.push([r * cols + c, (r + dr) * cols + c + dc])
  return pattern(rows * cols, edges)
}
