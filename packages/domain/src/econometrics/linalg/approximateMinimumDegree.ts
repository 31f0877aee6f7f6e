import { minimumDegreeInKernel } from "./minimumDegreeKernel.js"
import { KERNEL_MIN_ELEMENTS } from "./wasmModule.js"

/**
 * A fill-reducing elimination order by approximate minimum degree (Amestoy, Davis & Duff 1996, "An approximate
 * minimum degree ordering algorithm", SIAM J. Matrix Anal. Appl. 17(4)). Unlike the explicit elimination graph
 * of {@link minimumDegreeOrder}, whose cost grows with the fill it models, the graph is kept as a quotient
 * graph: an eliminated node becomes an element standing for the clique of its neighbours, and a variable keeps
 * lists of the elements and of the variables it touches. Degrees are the upper bound of §4 of the paper,
 * computed from |Lₑ \ Lₚ| of each touched element without scanning the element; elements whose variables all
 * joined the new clique are absorbed; indistinguishable variables are merged into supervariables; a variable
 * left adjacent to the new element alone is eliminated with it; rows denser than max(16, 10√n) go last (the dense
 * threshold of the AMD package, Amestoy, Davis & Duff 2004, ACM TOMS Algorithm 837).
 * Returns perm with perm[k] = the original index eliminated k-th. Ties go to the node most recently given its
 * degree, so the order is a function of the pattern alone. From 4,096 entries the steps run in a WebAssembly kernel
 * (minimumDegreeKernel.ts) that takes them in the same order with the same ties, so the order is the same; in a
 * fresh process it runs at full speed from the first step, where this code waits for the optimising compiler.
 * @example approximateMinimumDegree(csr.rowPtr, csr.colIdx, n)
 */
export const approximateMinimumDegree = (rowPtr: Int32Array, colIdx: Int32Array, n: number): Int32Array => {
  if (n + rowPtr[n]! >= KERNEL_MIN_ELEMENTS) {
    const order = minimumDegreeInKernel(rowPtr, colIdx, n, denseThreshold(n))
    if (order !== undefined) return order
  }
  const g = quotientGraph(rowPtr, colIdx, n)
  // Each step is its own function: a single loop of all of them is compiled by V8 only after it has run for a
  // while in the interpreter, and compiled again whenever it reaches a part that had not run yet.
  while (g.left > 0) {
    const p = nextPivot(g)
    newClique(g, p)
    measureOutside(g)
    updateDegrees(g, p)
    mergeIndistinguishable(g)
    keepClique(g, p)
  }
  for (const i of g.denseNodes) g.perm[g.k++] = i
  return g.perm
}

/** AMD's default dense-row threshold (Algorithm 837: dense = 10, at least 16). @internal @example denseThreshold(3107) // 557 */
export const denseThreshold = (n: number): number => Math.max(16, Math.floor(10 * Math.sqrt(n)))

const VARIABLE = 0
const ELEMENT = 1
const GONE = 2

// Shared by every dropped list; never written to.
const EMPTY: number[] = []

interface QuotientGraph {
  readonly kind: Uint8Array
  /** Original variables a principal variable stands for (0 once merged or eliminated). */
  readonly nv: Int32Array
  readonly degree: Int32Array
  readonly variables: number[][]
  readonly elements: number[][]
  readonly clique: number[][]
  readonly cliqueWeight: Int32Array
  // Supervariable members as chains: a principal variable, then the variables merged into it.
  readonly chainNext: Int32Array
  readonly chainTail: Int32Array
  // Degree lists, doubly linked; insertion at the head.
  readonly head: Int32Array
  readonly next: Int32Array
  readonly prev: Int32Array
  readonly mark: Int32Array
  /** |Lₑ \ Lₚ| (by weight) of the elements touched by the new clique; −1 when not yet touched in this step. */
  readonly outside: Int32Array
  readonly hash: Float64Array
  // Scratch lists of one step: the new clique Lₚ, its variables still to place, touched elements, a sorted copy.
  readonly lp: Int32Array
  readonly kept: Int32Array
  readonly touched: Int32Array
  readonly sorted: Int32Array
  readonly perm: Int32Array
  readonly denseNodes: number[]
  k: number
  left: number
  minDegree: number
  stamp: number
  nlp: number
  lpWeight: number
  nkept: number
  ntouched: number
}

const quotientGraph = (rowPtr: Int32Array, colIdx: Int32Array, n: number): QuotientGraph => {
  const kind = new Uint8Array(n)
  const degree = new Int32Array(n)
  const variables: number[][] = new Array(n)
  const elements: number[][] = new Array(n)
  const chainTail = new Int32Array(n)
  for (let i = 0; i < n; i++) chainTail[i] = i
  const dense = denseThreshold(n)
  const denseNodes: number[] = []
  for (let i = 0; i < n; i++) {
    let d = 0
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) if (colIdx[p] !== i) d++
    if (d > dense) {
      kind[i] = GONE
      denseNodes.push(i)
    }
  }
  for (let i = 0; i < n; i++) {
    const row: number[] = []
    if (kind[i] === VARIABLE) for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) if (colIdx[p] !== i && kind[colIdx[p]!] === VARIABLE) row.push(colIdx[p]!)
    variables[i] = row
    elements[i] = []
    degree[i] = row.length
  }
  const g: QuotientGraph = {
    kind,
    nv: new Int32Array(n).fill(1),
    degree,
    variables,
    elements,
    clique: new Array(n),
    cliqueWeight: new Int32Array(n),
    chainNext: new Int32Array(n).fill(-1),
    chainTail,
    head: new Int32Array(n + 1).fill(-1),
    next: new Int32Array(n).fill(-1),
    prev: new Int32Array(n).fill(-1),
    mark: new Int32Array(n),
    outside: new Int32Array(n).fill(-1),
    hash: new Float64Array(n),
    lp: new Int32Array(n),
    kept: new Int32Array(n),
    touched: new Int32Array(n),
    sorted: new Int32Array(n),
    perm: new Int32Array(n),
    denseNodes,
    k: 0,
    left: n - denseNodes.length,
    minDegree: n,
    stamp: 0,
    nlp: 0,
    lpWeight: 0,
    nkept: 0,
    ntouched: 0,
  }
  for (let i = n - 1; i >= 0; i--)
    if (kind[i] === VARIABLE) {
      insert(g, i)
      if (degree[i]! < g.minDegree) g.minDegree = degree[i]!
    }
  return g
}

const insert = (g: QuotientGraph, i: number): void => {
  const d = g.degree[i]!
  const h = g.head[d]!
  g.next[i] = h
  g.prev[i] = -1
  if (h >= 0) g.prev[h] = i
  g.head[d] = i
}

const remove = (g: QuotientGraph, i: number): void => {
  const { next, prev } = g
  if (prev[i]! >= 0) next[prev[i]!] = next[i]!
  else g.head[g.degree[i]!] = next[i]!
  if (next[i]! >= 0) prev[next[i]!] = prev[i]!
}

// Append a supervariable's members to the order.
const emit = (g: QuotientGraph, i: number): void => {
  for (let v = i; v >= 0; v = g.chainNext[v]!) g.perm[g.k++] = v
}

// A variable of least degree, taken off its list.
const nextPivot = (g: QuotientGraph): number => {
  while (g.head[g.minDegree]! < 0) g.minDegree++
  const p = g.head[g.minDegree]!
  remove(g, p)
  g.left -= g.nv[p]!
  return p
}

// The new element's clique Lₚ: p's variables and the variables of p's elements, which p absorbs.
const newClique = (g: QuotientGraph, p: number): void => {
  const { kind, clique } = g
  g.mark[p] = ++g.stamp
  g.nlp = 0
  g.lpWeight = 0
  const ep = g.elements[p]!
  for (let a = 0; a < ep.length; a++) {
    const e = ep[a]!
    if (kind[e] !== ELEMENT) continue
    joinClique(g, clique[e]!)
    kind[e] = GONE
    clique[e] = EMPTY
  }
  joinClique(g, g.variables[p]!)
  kind[p] = ELEMENT
  g.variables[p] = EMPTY
  g.elements[p] = EMPTY
  emit(g, p)
}

// Add the variables of `list` not yet in Lₚ to it.
const joinClique = (g: QuotientGraph, list: ReadonlyArray<number>): void => {
  const { kind, mark, lp, nv } = g
  const stamp = g.stamp
  for (let b = 0; b < list.length; b++) {
    const i = list[b]!
    if (kind[i] === VARIABLE && mark[i] !== stamp) {
      mark[i] = stamp
      lp[g.nlp++] = i
      g.lpWeight += nv[i]!
    }
  }
}

// Take Lₚ off the degree lists and find |Lₑ \ Lₚ| of every element its variables touch.
const measureOutside = (g: QuotientGraph): void => {
  const { kind, lp, nv, outside, touched, cliqueWeight } = g
  let ntouched = 0
  for (let a = 0; a < g.nlp; a++) {
    const i = lp[a]!
    remove(g, i)
    const ei = g.elements[i]!
    for (let b = 0; b < ei.length; b++) {
      const e = ei[b]!
      if (kind[e] !== ELEMENT) continue
      if (outside[e]! < 0) {
        outside[e] = cliqueWeight[e]!
        touched[ntouched++] = e
      }
      outside[e]! -= nv[i]!
    }
  }
  // Reset when the degrees have used them (see updateDegrees).
  g.ntouched = ntouched
}

// New degrees of Lₚ's variables; variables adjacent to p alone are eliminated with it.
const updateDegrees = (g: QuotientGraph, p: number): void => {
  const { kind, lp, nv, outside, mark, degree, hash, kept, clique } = g
  const stamp = g.stamp
  const lpWeight = g.lpWeight
  let nkept = 0
  for (let a = 0; a < g.nlp; a++) {
    const i = lp[a]!
    const ei = g.elements[i]!
    const newElements = [p]
    let external = 0
    let h = p
    for (let b = 0; b < ei.length; b++) {
      const e = ei[b]!
      if (kind[e] !== ELEMENT) continue
      const out = outside[e]!
      if (out === 0) {
        // Lₑ ⊆ Lₚ: e says nothing p does not (aggressive absorption).
        kind[e] = GONE
        clique[e] = EMPTY
        continue
      }
      newElements.push(e)
      external += out
      h += e
    }
    const vi = g.variables[i]!
    let nvi = 0
    for (let b = 0; b < vi.length; b++) {
      const j = vi[b]!
      if (kind[j] === VARIABLE && mark[j] !== stamp) {
        vi[nvi++] = j
        external += nv[j]!
        h += j
      }
    }
    vi.length = nvi
    g.elements[i] = newElements
    if (newElements.length === 1 && nvi === 0) {
      kind[i] = GONE
      g.left -= nv[i]!
      emit(g, i)
      continue
    }
    const bound = Math.min(degree[i]! + lpWeight - nv[i]!, external + lpWeight - nv[i]!)
    degree[i] = Math.max(0, Math.min(bound, g.left - nv[i]!))
    hash[i] = h
    kept[nkept++] = i
  }
  g.nkept = nkept
  const { touched } = g
  for (let a = 0; a < g.ntouched; a++) outside[touched[a]!] = -1
}

// Indistinguishable variables (same elements, same variables) become one supervariable: candidates share a hash;
// big cliques are sorted by it so that the comparisons stay near linear.
const mergeIndistinguishable = (g: QuotientGraph): void => {
  const { kind, nv, degree, hash, mark, chainNext, chainTail } = g
  const nkept = g.nkept
  if (nkept < 2) return
  const sortedByHash = nkept > 32
  let candidates = g.kept
  if (sortedByHash) {
    candidates = g.sorted.subarray(0, nkept)
    candidates.set(g.kept.subarray(0, nkept))
    candidates.sort((x, y) => hash[x]! - hash[y]! || x - y)
  }
  for (let a = 0; a < nkept; a++) {
    const i = candidates[a]!
    if (kind[i] !== VARIABLE) continue
    for (let b = a + 1; b < nkept; b++) {
      const j = candidates[b]!
      if (hash[j] !== hash[i]) {
        if (sortedByHash) break
        continue
      }
      if (kind[j] !== VARIABLE) continue
      if (!sameLists(g.elements[i]!, g.elements[j]!, mark, ++g.stamp) || !sameLists(g.variables[i]!, g.variables[j]!, mark, ++g.stamp)) continue
      nv[i]! += nv[j]!
      degree[i] = Math.max(0, degree[i]! - nv[j]!)
      kind[j] = GONE
      nv[j] = 0
      g.elements[j] = EMPTY
      g.variables[j] = EMPTY
      chainNext[chainTail[i]!] = j
      chainTail[i] = chainTail[j]!
    }
  }
}

// The variables left in Lₚ go back on the degree lists and make the element's clique.
const keepClique = (g: QuotientGraph, p: number): void => {
  const { kind, kept, nv, degree } = g
  const members: number[] = []
  let weight = 0
  for (let a = 0; a < g.nkept; a++) {
    const i = kept[a]!
    if (kind[i] !== VARIABLE) continue
    members.push(i)
    weight += nv[i]!
    if (degree[i]! > g.left - nv[i]!) degree[i] = Math.max(0, g.left - nv[i]!)
    insert(g, i)
    if (degree[i]! < g.minDegree) g.minDegree = degree[i]!
  }
  g.clique[p] = members
  g.cliqueWeight[p] = weight
  if (members.length === 0) kind[p] = GONE
}

/** Whether two lists of distinct indices hold the same set (marks[x] === stamp marks the first list). */
const sameLists = (a: ReadonlyArray<number>, b: ReadonlyArray<number>, marks: Int32Array, stamp: number): boolean => {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) marks[a[k]!] = stamp
  for (let k = 0; k < b.length; k++) if (marks[b[k]!] !== stamp) return false
  return true
}
