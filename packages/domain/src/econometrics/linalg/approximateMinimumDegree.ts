/**
 * A fill-reducing elimination order by approximate minimum degree (Amestoy, Davis & Duff 1996, "An approximate
 * minimum degree ordering algorithm", SIAM J. Matrix Anal. Appl. 17(4)). Unlike the explicit elimination graph
 * of {@link minimumDegreeOrder}, whose cost grows with the fill it models, the graph is kept as a quotient
 * graph: an eliminated node becomes an element standing for the clique of its neighbours, and a variable keeps
 * lists of the elements and of the variables it touches. Degrees are the upper bound of §4 of the paper,
 * computed from |Lₑ \ Lₚ| of each touched element without scanning the element; elements whose variables all
 * joined the new clique are absorbed; indistinguishable variables are merged into supervariables; a variable
 * left adjacent to the new element alone is eliminated with it; rows denser than max(16, 10√n) go last.
 * Returns perm with perm[k] = the original index eliminated k-th. Ties go to the node most recently given its
 * degree, so the order is a function of the pattern alone.
 * @example approximateMinimumDegree(csr.rowPtr, csr.colIdx, n)
 */
export const approximateMinimumDegree = (rowPtr: Int32Array, colIdx: Int32Array, n: number): Int32Array => {
  const VARIABLE = 0
  const ELEMENT = 1
  const GONE = 2
  const kind = new Uint8Array(n)
  const nv = new Int32Array(n).fill(1)
  const degree = new Int32Array(n)
  const variables: number[][] = new Array(n)
  const elements: number[][] = new Array(n)
  const clique: number[][] = new Array(n)
  const cliqueWeight = new Int32Array(n)
  // Supervariable members as chains: a principal variable, then the variables merged into it.
  const chainNext = new Int32Array(n).fill(-1)
  const chainTail = new Int32Array(n)
  for (let i = 0; i < n; i++) chainTail[i] = i
  const perm = new Int32Array(n)
  let k = 0
  const emit = (i: number) => {
    for (let v = i; v >= 0; v = chainNext[v]!) perm[k++] = v
  }
  const dense = Math.max(16, Math.floor(10 * Math.sqrt(n)))
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
  // Degree lists, doubly linked; insertion at the head.
  const head = new Int32Array(n + 1).fill(-1)
  const next = new Int32Array(n).fill(-1)
  const prev = new Int32Array(n).fill(-1)
  const insert = (i: number) => {
    const d = degree[i]!
    const h = head[d]!
    next[i] = h
    prev[i] = -1
    if (h >= 0) prev[h] = i
    head[d] = i
  }
  const remove = (i: number) => {
    if (prev[i]! >= 0) next[prev[i]!] = next[i]!
    else head[degree[i]!] = next[i]!
    if (next[i]! >= 0) prev[next[i]!] = prev[i]!
  }
  let left = n - denseNodes.length
  let minDegree = n
  for (let i = n - 1; i >= 0; i--)
    if (kind[i] === VARIABLE) {
      insert(i)
      if (degree[i]! < minDegree) minDegree = degree[i]!
    }
  const mark = new Int32Array(n)
  let stamp = 0
  // |Lₑ \ Lₚ| (by weight) of the elements touched by the new clique; −1 when not yet touched in this step.
  const outside = new Int32Array(n).fill(-1)
  const hash = new Float64Array(n)
  // Scratch lists of one step (indexed loops throughout: this runs before V8 has optimised it).
  const lp = new Int32Array(n)
  const kept = new Int32Array(n)
  const touched = new Int32Array(n)
  while (left > 0) {
    while (head[minDegree]! < 0) minDegree++
    const p = head[minDegree]!
    remove(p)
    left -= nv[p]!
    // The new element's clique Lₚ: p's variables and the variables of p's elements, which p absorbs.
    mark[p] = ++stamp
    let nlp = 0
    let lpWeight = 0
    const ep = elements[p]!
    for (let a = 0; a < ep.length; a++) {
      const e = ep[a]!
      if (kind[e] !== ELEMENT) continue
      const le = clique[e]!
      for (let b = 0; b < le.length; b++) {
        const i = le[b]!
        if (kind[i] === VARIABLE && mark[i] !== stamp) {
          mark[i] = stamp
          lp[nlp++] = i
          lpWeight += nv[i]!
        }
      }
      kind[e] = GONE
      clique[e] = EMPTY
    }
    const vp = variables[p]!
    for (let a = 0; a < vp.length; a++) {
      const i = vp[a]!
      if (kind[i] === VARIABLE && mark[i] !== stamp) {
        mark[i] = stamp
        lp[nlp++] = i
        lpWeight += nv[i]!
      }
    }
    kind[p] = ELEMENT
    variables[p] = EMPTY
    elements[p] = EMPTY
    emit(p)
    let ntouched = 0
    for (let a = 0; a < nlp; a++) {
      const i = lp[a]!
      remove(i)
      const ei = elements[i]!
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
    // New degrees; variables adjacent to p alone are eliminated with it.
    let nkept = 0
    for (let a = 0; a < nlp; a++) {
      const i = lp[a]!
      const ei = elements[i]!
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
      const vi = variables[i]!
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
      elements[i] = newElements
      if (newElements.length === 1 && nvi === 0) {
        kind[i] = GONE
        left -= nv[i]!
        emit(i)
        continue
      }
      const bound = Math.min(degree[i]! + lpWeight - nv[i]!, external + lpWeight - nv[i]!)
      degree[i] = Math.max(0, Math.min(bound, left - nv[i]!))
      hash[i] = h
      kept[nkept++] = i
    }
    for (let a = 0; a < ntouched; a++) outside[touched[a]!] = -1
    // Indistinguishable variables (same elements, same variables) become one supervariable: candidates share
    // a hash; big cliques are sorted by it so that the comparisons stay near linear.
    const candidates = nkept > 32 ? Array.from(kept.subarray(0, nkept)).sort((x, y) => hash[x]! - hash[y]! || x - y) : kept
    for (let a = 0; a < nkept; a++) {
      const i = candidates[a]!
      if (kind[i] !== VARIABLE) continue
      for (let b = a + 1; b < nkept; b++) {
        const j = candidates[b]!
        if (hash[j] !== hash[i]) {
          if (candidates !== kept) break
          continue
        }
        if (kind[j] !== VARIABLE) continue
        if (!sameLists(elements[i]!, elements[j]!, mark, ++stamp) || !sameLists(variables[i]!, variables[j]!, mark, ++stamp)) continue
        nv[i]! += nv[j]!
        degree[i] = Math.max(0, degree[i]! - nv[j]!)
        kind[j] = GONE
        nv[j] = 0
        elements[j] = EMPTY
        variables[j] = EMPTY
        chainNext[chainTail[i]!] = j
        chainTail[i] = chainTail[j]!
      }
    }
    const members: number[] = []
    let weight = 0
    for (let a = 0; a < nkept; a++) {
      const i = kept[a]!
      if (kind[i] !== VARIABLE) continue
      members.push(i)
      weight += nv[i]!
      if (degree[i]! > left - nv[i]!) degree[i] = Math.max(0, left - nv[i]!)
      insert(i)
      if (degree[i]! < minDegree) minDegree = degree[i]!
    }
    clique[p] = members
    cliqueWeight[p] = weight
    if (members.length === 0) kind[p] = GONE
  }
  for (const i of denseNodes) perm[k++] = i
  return perm
}

/** Whether two lists of distinct indices hold the same set (marks[x] === stamp marks the first list). */
const sameLists = (a: ReadonlyArray<number>, b: ReadonlyArray<number>, marks: Int32Array, stamp: number): boolean => {
  if (a.length !== b.length) return false
  for (let k = 0; k < a.length; k++) marks[a[k]!] = stamp
  for (let k = 0; k < b.length; k++) if (marks[b[k]!] !== stamp) return false
  return true
}

// Shared by every dropped list; never written to.
const EMPTY: number[] = []
