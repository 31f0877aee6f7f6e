import { minimumDegreeOrder } from "./minimumDegree.js"

/**
 * A fill-reducing elimination order for a symmetric sparsity pattern by multilevel nested dissection (George
 * 1973; the multilevel scheme of Karypis & Kumar 1998, as in METIS): find a small vertex separator that
 * splits the graph into two halves, order both halves recursively and the separator last. A bisection
 * coarsens the graph by heavy-edge matching, splits the coarsest graph into breadth-first halves from
 * pseudo-peripheral vertices, refines the cut with Fiduccia–Mattheyses passes while projecting it back, turns
 * the edge cut into a minimum vertex cover (König) and refines that separator by vertex moves. Parts of at
 * most `leafSize` vertices are ordered by minimum degree. On meshes and other graphs with small separators
 * (grids, k-nearest neighbours, townships) the factor has far fewer entries than with minimum degree.
 * Deterministic: the same pattern gives the same order. Returns perm with perm[k] = the original index
 * eliminated k-th.
 * @example nestedDissectionOrder(csr.rowPtr, csr.colIdx, n)
 */
export const nestedDissectionOrder = (rowPtr: Int32Array, colIdx: Int32Array, n: number, leafSize = 120): Int32Array => {
  // Number the vertices in breadth-first order first: neighbours get nearby numbers, which keeps the
  // coarsening's vertex-order matching local and the memory access of every pass cache-friendly (k-nearest
  // neighbour files list points in random order).
  const { graph: g, label } = breadthFirstRelabel(symmetricGraph(rowPtr, colIdx, n))
  const perm = new Int32Array(n)
  const ws = new Workspace(n, g.adj.length)
  const all = new Int32Array(n)
  for (let i = 0; i < n; i++) all[i] = i
  // Tasks: a set of vertices to place in perm[lo, lo + size).
  const tasks: Array<{ vertices: Int32Array; lo: number }> = [{ vertices: all, lo: 0 }]
  const byMinimumDegree = (sub: Graph, vertices: Int32Array, lo: number) => {
    const order = minimumDegreeOrder(sub.xadj, sub.adj, sub.n)
    for (let k = 0; k < order.length; k++) perm[lo + k] = vertices[order[k]!]!
  }
  while (tasks.length > 0) {
    const { vertices, lo } = tasks.pop()!
    // A task's subgraph and its coarser levels live until the task is split: the arena is free again.
    ws.reset()
    const sub = subgraph(g, vertices, ws)
    if (vertices.length <= leafSize) {
      byMinimumDegree(sub, vertices, lo)
      continue
    }
    const comp = components(sub, ws)
    if (comp.count > 1) {
      // Independent parts need no separator.
      const sizes = new Int32Array(comp.count)
      for (let v = 0; v < sub.n; v++) sizes[comp.label[v]!]!++
      const parts = Array.from(sizes, (size) => new Int32Array(size))
      const fill = new Int32Array(comp.count)
      for (let v = 0; v < sub.n; v++) {
        const c = comp.label[v]!
        parts[c]![fill[c]!++] = vertices[v]!
      }
      let at = lo
      for (const p of parts) {
        tasks.push({ vertices: p, lo: at })
        at += p.length
      }
      continue
    }
    const where = bisect(sub, ws)
    let na = 0
    let nb = 0
    for (let v = 0; v < sub.n; v++) {
      if (where[v] === 0) na++
      else if (where[v] === 1) nb++
    }
    if (na === 0 || nb === 0) {
      // No useful separator (e.g. a dense part): minimum degree on the whole part.
      byMinimumDegree(sub, vertices, lo)
      continue
    }
    const a = new Int32Array(na)
    const b = new Int32Array(nb)
    let ia = 0
    let ib = 0
    let is = lo + na + nb
    for (let v = 0; v < sub.n; v++) {
      if (where[v] === 0) a[ia++] = vertices[v]!
      else if (where[v] === 1) b[ib++] = vertices[v]!
      else perm[is++] = vertices[v]!
    }
    tasks.push({ vertices: a, lo })
    tasks.push({ vertices: b, lo: lo + na })
  }
  for (let k = 0; k < n; k++) perm[k] = label[perm[k]!]!
  return perm
}

// The graph renumbered in breadth-first order (component by component); label[new] = old.
const breadthFirstRelabel = (g: Graph): { graph: Graph; label: Int32Array } => {
  const n = g.n
  const label = new Int32Array(n)
  const newOf = new Int32Array(n).fill(-1)
  let tail = 0
  for (let s = 0; s < n; s++) {
    if (newOf[s]! >= 0) continue
    let head = tail
    newOf[s] = tail
    label[tail++] = s
    while (head < tail) {
      const v = label[head++]!
      for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
        const u = g.adj[p]!
        if (newOf[u]! < 0) {
          newOf[u] = tail
          label[tail++] = u
        }
      }
    }
  }
  const xadj = new Int32Array(n + 1)
  const adj = new Int32Array(g.adj.length)
  for (let k = 0; k < n; k++) {
    const v = label[k]!
    let q = xadj[k]!
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) adj[q++] = newOf[g.adj[p]!]!
    xadj[k + 1] = q
  }
  return { graph: { n, xadj, adj, vwgt: g.vwgt, ewgt: g.ewgt }, label }
}

/** Undirected graph with vertex and edge weights (CSR, no self loops). */
interface Graph {
  readonly n: number
  readonly xadj: Int32Array
  readonly adj: Int32Array
  readonly vwgt: Int32Array
  readonly ewgt: Int32Array
}

/** Max-heap of vertices keyed by gain, with positions for updates and removal. */
class GainHeap {
  private readonly items: Int32Array
  private readonly keys: Float64Array
  private readonly pos: Int32Array
  size = 0
  constructor(n: number) {
    this.items = new Int32Array(n)
    this.keys = new Float64Array(n)
    this.pos = new Int32Array(n).fill(-1)
  }
  clear(): void {
    for (let k = 0; k < this.size; k++) this.pos[this.items[k]!] = -1
    this.size = 0
  }
  has(v: number): boolean {
    return this.pos[v]! >= 0
  }
  topKey(): number {
    return this.keys[this.items[0]!]!
  }
  push(v: number, key: number): void {
    this.keys[v] = key
    this.items[this.size] = v
    this.pos[v] = this.size
    this.size++
    this.up(this.size - 1)
  }
  update(v: number, key: number): void {
    const old = this.keys[v]!
    this.keys[v] = key
    if (key > old) this.up(this.pos[v]!)
    else this.down(this.pos[v]!)
  }
  remove(v: number): void {
    const i = this.pos[v]!
    this.pos[v] = -1
    this.size--
    if (i === this.size) return
    const last = this.items[this.size]!
    this.items[i] = last
    this.pos[last] = i
    this.up(i)
    this.down(this.pos[last]!)
  }
  pop(): number {
    const top = this.items[0]!
    this.pos[top] = -1
    this.size--
    if (this.size > 0) {
      const last = this.items[this.size]!
      this.items[0] = last
      this.pos[last] = 0
      this.down(0)
    }
    return top
  }
  private up(i: number): void {
    const items = this.items
    const v = items[i]!
    const key = this.keys[v]!
    while (i > 0) {
      const parent = (i - 1) >> 1
      const pv = items[parent]!
      if (this.keys[pv]! >= key) break
      items[i] = pv
      this.pos[pv] = i
      i = parent
    }
    items[i] = v
    this.pos[v] = i
  }
  private down(i: number): void {
    const items = this.items
    const v = items[i]!
    const key = this.keys[v]!
    for (;;) {
      let c = 2 * i + 1
      if (c >= this.size) break
      if (c + 1 < this.size && this.keys[items[c + 1]!]! > this.keys[items[c]!]!) c++
      const cv = items[c]!
      if (this.keys[cv]! <= key) break
      items[i] = cv
      this.pos[cv] = i
      i = c
    }
    items[i] = v
    this.pos[v] = i
  }
}

/**
 * Scratch arrays sized for the whole graph, shared by every bisection (allocating them per call made the
 * garbage collector a fifth of the time). Stamp arrays avoid clearing: an entry counts when it equals the
 * current stamp.
 */
class Workspace {
  readonly local: Int32Array
  readonly label: Int32Array
  readonly a: Int32Array
  readonly b: Int32Array
  readonly c: Int32Array
  readonly d: Int32Array
  readonly e: Int32Array
  readonly stamps: Int32Array
  readonly stamps2: Int32Array
  readonly heaps: readonly [GainHeap, GainHeap]
  private stamp = 0
  private seed = 20261206
  // A bump arena for the graphs of one task (its subgraph, the coarsened levels and their vertex maps): they are
  // dropped together when the next task starts, with no work for the collector.
  private readonly heap: Int32Array
  private top = 0
  constructor(n: number, nnz: number) {
    this.local = new Int32Array(n).fill(-1)
    this.label = new Int32Array(n)
    this.heap = new Int32Array(4 * (n + nnz) + 64)
    this.a = new Int32Array(n)
    this.b = new Int32Array(n)
    this.c = new Int32Array(n)
    this.d = new Int32Array(n)
    this.e = new Int32Array(n)
    this.stamps = new Int32Array(n)
    this.stamps2 = new Int32Array(n)
    this.heaps = [new GainHeap(n), new GainHeap(n)]
  }
  /** An array of `size` from the arena (contents undefined), or a new one when the arena is full. */
  alloc(size: number): Int32Array {
    if (this.top + size > this.heap.length) return new Int32Array(size)
    const a = this.heap.subarray(this.top, this.top + size)
    this.top += size
    return a
  }
  /** Give back the end of `a` beyond `size`, when `a` is the arena's last allocation. */
  shrink(a: Int32Array, size: number): Int32Array {
    if (a.buffer === this.heap.buffer && a.byteOffset / 4 + a.length === this.top) this.top -= a.length - size
    return a.subarray(0, size)
  }
  /** Free the whole arena. */
  reset(): void {
    this.top = 0
  }
  nextStamp(): number {
    return ++this.stamp
  }
  /** A deterministic integer in [0, bound) (linear congruential; quality matters little here). */
  random(bound: number): number {
    this.seed = (Math.imul(this.seed, 1664525) + 1013904223) >>> 0
    return Math.floor((this.seed / 4294967296) * bound)
  }
}

// Pattern ∪ its transpose without the diagonal, duplicates removed.
const symmetricGraph = (rowPtr: Int32Array, colIdx: Int32Array, n: number): Graph => {
  const deg = new Int32Array(n)
  for (let i = 0; i < n; i++)
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!
      if (j !== i) {
        deg[i]!++
        deg[j]!++
      }
    }
  const start = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + deg[i]!
  const fill = start.slice(0, n)
  const raw = new Int32Array(start[n]!)
  for (let i = 0; i < n; i++)
    for (let p = rowPtr[i]!; p < rowPtr[i + 1]!; p++) {
      const j = colIdx[p]!
      if (j !== i) {
        raw[fill[i]!++] = j
        raw[fill[j]!++] = i
      }
    }
  const mark = new Int32Array(n).fill(-1)
  const xadj = new Int32Array(n + 1)
  const adj = new Int32Array(raw.length)
  let q = 0
  for (let i = 0; i < n; i++) {
    for (let p = start[i]!; p < start[i + 1]!; p++) {
      const j = raw[p]!
      if (mark[j] !== i) {
        mark[j] = i
        adj[q++] = j
      }
    }
    xadj[i + 1] = q
  }
  return { n, xadj, adj: adj.slice(0, q), vwgt: new Int32Array(n).fill(1), ewgt: new Int32Array(q).fill(1) }
}

// The subgraph induced by `vertices` of the unit-weight graph g, with local numbering, in the arena; its unit weights
// are views of g's. `ws.local` is all −1 on entry and exit.
const subgraph = (g: Graph, vertices: Int32Array, ws: Workspace): Graph => {
  const local = ws.local
  const m = vertices.length
  for (let k = 0; k < m; k++) local[vertices[k]!] = k
  let count = 0
  for (let k = 0; k < m; k++) {
    const v = vertices[k]!
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) if (local[g.adj[p]!]! >= 0) count++
  }
  const xadj = ws.alloc(m + 1)
  const adj = ws.alloc(count)
  xadj[0] = 0
  let q = 0
  for (let k = 0; k < m; k++) {
    const v = vertices[k]!
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
      const u = local[g.adj[p]!]!
      if (u >= 0) adj[q++] = u
    }
    xadj[k + 1] = q
  }
  for (let k = 0; k < m; k++) local[vertices[k]!] = -1
  return { n: m, xadj, adj, vwgt: g.vwgt.subarray(0, m), ewgt: g.ewgt.subarray(0, count) }
}

const components = (g: Graph, ws: Workspace): { count: number; label: Int32Array } => {
  const label = ws.label.fill(-1, 0, g.n)
  const queue = ws.a
  let count = 0
  for (let s = 0; s < g.n; s++) {
    if (label[s]! >= 0) continue
    let head = 0
    let tail = 0
    queue[tail++] = s
    label[s] = count
    while (head < tail) {
      const v = queue[head++]!
      for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
        const u = g.adj[p]!
        if (label[u]! < 0) {
          label[u] = count
          queue[tail++] = u
        }
      }
    }
    count++
  }
  return { count, label }
}

/** Coarsening stops at this many vertices. */
const COARSEST = 100
/** Parts up to this size are bisected directly (breadth-first halves refined by FM), without coarsening. */
const DIRECT = 2000

// Vertex separator of a connected graph: where[v] = 0 or 1 (the two parts) or 2 (separator).
const bisect = (g: Graph, ws: Workspace): Uint8Array => {
  let part: Uint8Array
  if (g.n <= DIRECT) {
    part = breadthFirstHalves(g, ws)
    refine(g, part, 4, ws)
  } else {
    const levels: Graph[] = [g]
    const maps: Int32Array[] = []
    for (;;) {
      const top = levels[levels.length - 1]!
      if (top.n <= COARSEST) break
      const { coarse, cmap } = coarsen(top, ws)
      if (coarse.n > 0.9 * top.n) break
      levels.push(coarse)
      maps.push(cmap)
    }
    part = initialBisection(levels[levels.length - 1]!, ws)
    for (let l = levels.length - 1; l >= 0; l--) {
      const lg = levels[l]!
      if (l < levels.length - 1) {
        const cmap = maps[l]!
        const fine = new Uint8Array(lg.n)
        for (let v = 0; v < lg.n; v++) fine[v] = part[cmap[v]!]!
        part = fine
      }
      refine(lg, part, 3, ws)
    }
  }
  const where = vertexSeparator(g, part, ws)
  refineSeparator(g, where, 4, ws)
  return where
}

// Breadth-first search from v into ws.a (stamped in ws.stamps); returns the number of vertices reached.
const breadthFirst = (g: Graph, v: number, ws: Workspace): number => {
  const queue = ws.a
  const seen = ws.stamps
  const stamp = ws.nextStamp()
  let head = 0
  let tail = 0
  queue[tail++] = v
  seen[v] = stamp
  while (head < tail) {
    const x = queue[head++]!
    for (let p = g.xadj[x]!; p < g.xadj[x + 1]!; p++) {
      const u = g.adj[p]!
      if (seen[u] !== stamp) {
        seen[u] = stamp
        queue[tail++] = u
      }
    }
  }
  return tail
}

// The first half (by weight) of a breadth-first order from a pseudo-peripheral vertex: level-structure halves.
const breadthFirstHalves = (g: Graph, ws: Workspace): Uint8Array => {
  let v = ws.random(g.n)
  for (let t = 0; t < 3; t++) v = ws.a[breadthFirst(g, v, ws) - 1]!
  const reached = breadthFirst(g, v, ws)
  let total = 0
  for (let u = 0; u < g.n; u++) total += g.vwgt[u]!
  const part = new Uint8Array(g.n).fill(1)
  let grown = 0
  for (let k = 0; k < reached && grown * 2 < total; k++) {
    part[ws.a[k]!] = 0
    grown += g.vwgt[ws.a[k]!]!
  }
  return part
}

// Heavy-edge matching in vertex order (which keeps the locality of the input); matched pairs become one vertex.
const coarsen = (g: Graph, ws: Workspace): { coarse: Graph; cmap: Int32Array } => {
  const n = g.n
  const match = ws.a.fill(-1, 0, n)
  const cmap = ws.alloc(n)
  let cn = 0
  for (let v = 0; v < n; v++) {
    if (match[v]! >= 0) continue
    let best = v
    let bestW = -1
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
      const u = g.adj[p]!
      if (match[u]! < 0 && u !== v && g.ewgt[p]! > bestW) {
        best = u
        bestW = g.ewgt[p]!
      }
    }
    match[v] = best
    match[best] = v
    cmap[v] = cn
    cmap[best] = cn
    cn++
  }
  const xadj = ws.alloc(cn + 1)
  const vwgt = ws.alloc(cn)
  xadj[0] = 0
  // adj and ewgt share one block; ewgt moves next to adj's used part at the end.
  const bound = g.adj.length
  const block = ws.alloc(2 * bound)
  const adj = block.subarray(0, bound)
  const ewgt = block.subarray(bound)
  const slot = ws.b.fill(-1, 0, cn)
  let q = 0
  let c = 0
  for (let v = 0; v < n; v++) {
    if (cmap[v] !== c) continue
    const u = match[v]!
    const start = q
    vwgt[c] = g.vwgt[v]! + (u !== v ? g.vwgt[u]! : 0)
    for (let x = v, twice = u !== v; ; x = u, twice = false) {
      for (let p = g.xadj[x]!; p < g.xadj[x + 1]!; p++) {
        const cu = cmap[g.adj[p]!]!
        if (cu === c) continue
        const s = slot[cu]!
        if (s >= start) ewgt[s]! += g.ewgt[p]!
        else {
          slot[cu] = q
          adj[q] = cu
          ewgt[q++] = g.ewgt[p]!
        }
      }
      if (!twice) break
    }
    c++
    xadj[c] = q
  }
  block.copyWithin(q, bound, bound + q)
  const used = ws.shrink(block, 2 * q)
  return { coarse: { n: cn, xadj, adj: used.subarray(0, q), vwgt, ewgt: used.subarray(q, 2 * q) }, cmap }
}

const cutOf = (g: Graph, part: Uint8Array): number => {
  let cut = 0
  for (let v = 0; v < g.n; v++) for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) if (part[g.adj[p]!] !== part[v]) cut += g.ewgt[p]!
  return cut / 2
}

// Breadth-first halves from a few pseudo-peripheral starts, each refined; the smallest cut wins.
const initialBisection = (g: Graph, ws: Workspace): Uint8Array => {
  let best: Uint8Array | undefined
  let bestCut = Number.POSITIVE_INFINITY
  for (let t = 0; t < 4; t++) {
    const part = breadthFirstHalves(g, ws)
    refine(g, part, 6, ws)
    const cut = cutOf(g, part)
    if (cut < bestCut) {
      bestCut = cut
      best = part
    }
  }
  return best!
}

/**
 * Fiduccia–Mattheyses passes on a two-way partition: move boundary vertices of largest gain (cut decrease)
 * one at a time, each at most once a pass, keeping each part within 55 % of the weight; roll back to the best
 * cut seen. Gains and the boundary are kept up to date move by move; stops when a pass gains nothing.
 */
const refine = (g: Graph, part: Uint8Array, passes: number, ws: Workspace): void => {
  const n = g.n
  const { xadj, adj, ewgt, vwgt } = g
  let total = 0
  const pw = [0, 0]
  for (let v = 0; v < n; v++) {
    total += vwgt[v]!
    pw[part[v]!]! += vwgt[v]!
  }
  const maxW = Math.ceil(0.55 * total)
  const ext = ws.a
  const gain = ws.b
  // Boundary vertices (ext > 0) in a list with positions, for the start of each pass.
  const bnd = ws.c
  const bpos = ws.d.fill(-1, 0, n)
  const moved = ws.e
  const locked = ws.stamps
  let nb = 0
  let cut = 0
  for (let v = 0; v < n; v++) {
    let e = 0
    let all = 0
    for (let p = xadj[v]!; p < xadj[v + 1]!; p++) {
      all += ewgt[p]!
      if (part[adj[p]!] !== part[v]) e += ewgt[p]!
    }
    ext[v] = e
    gain[v] = 2 * e - all
    cut += e
    if (e > 0) {
      bpos[v] = nb
      bnd[nb++] = v
    }
  }
  cut /= 2
  const heaps = ws.heaps
  const limit = Math.max(30, Math.min(300, n >> 4))
  const removeBoundary = (v: number) => {
    const at = bpos[v]!
    const last = bnd[--nb]!
    bnd[at] = last
    bpos[last] = at
    bpos[v] = -1
  }
  // Move v to the other side, updating cut, gains, boundary and (for unlocked neighbours) the heaps.
  const move = (v: number, stamp: number, track: boolean) => {
    const from = part[v]!
    const to = 1 - from
    cut -= gain[v]!
    part[v] = to
    pw[from]! -= vwgt[v]!
    pw[to]! += vwgt[v]!
    ext[v] = ext[v]! - gain[v]!
    gain[v] = -gain[v]!
    if (ext[v]! > 0 && bpos[v]! < 0) {
      bpos[v] = nb
      bnd[nb++] = v
    } else if (ext[v] === 0 && bpos[v]! >= 0) removeBoundary(v)
    for (let p = xadj[v]!; p < xadj[v + 1]!; p++) {
      const u = adj[p]!
      const w = ewgt[p]!
      if (part[u] === to) {
        ext[u]! -= w
        gain[u]! -= 2 * w
      } else {
        ext[u]! += w
        gain[u]! += 2 * w
      }
      if (ext[u]! > 0 && bpos[u]! < 0) {
        bpos[u] = nb
        bnd[nb++] = u
      } else if (ext[u] === 0 && bpos[u]! >= 0) removeBoundary(u)
      if (!track || locked[u] === stamp) continue
      const h = heaps[part[u]! as 0 | 1]
      if (h.has(u)) {
        if (ext[u] === 0) h.remove(u)
        else h.update(u, gain[u]!)
      } else if (ext[u]! > 0) h.push(u, gain[u]!)
    }
  }
  for (let pass = 0; pass < passes; pass++) {
    const stamp = ws.nextStamp()
    heaps[0].clear()
    heaps[1].clear()
    for (let k = 0; k < nb; k++) heaps[part[bnd[k]!]!]!.push(bnd[k]!, gain[bnd[k]!]!)
    let bestCut = cut
    let bestBal = Math.abs(pw[0]! - pw[1]!)
    let bestMoves = 0
    let moves = 0
    const startCut = cut
    while (moves - bestMoves < limit) {
      // Move from the heavier side when out of balance, otherwise from the side with the better gain.
      const h0 = heaps[0]
      const h1 = heaps[1]
      let from: number
      if (h0.size === 0 && h1.size === 0) break
      if (h0.size === 0) from = 1
      else if (h1.size === 0) from = 0
      else if (pw[0]! > maxW) from = 0
      else if (pw[1]! > maxW) from = 1
      else from = h0.topKey() >= h1.topKey() ? 0 : 1
      const v = heaps[from]!.pop()
      locked[v] = stamp
      if (pw[1 - from]! + vwgt[v]! > maxW && pw[from]! <= maxW) continue
      move(v, stamp, true)
      moved[moves++] = v
      const bal = Math.abs(pw[0]! - pw[1]!)
      if (pw[0]! <= maxW && pw[1]! <= maxW && (cut < bestCut || (cut === bestCut && bal < bestBal))) {
        bestCut = cut
        bestBal = bal
        bestMoves = moves
      }
    }
    // Roll back the moves after the best point.
    for (let k = moves - 1; k >= bestMoves; k--) move(moved[k]!, stamp, false)
    heaps[0].clear()
    heaps[1].clear()
    if (bestMoves === 0 || cut >= startCut) break
  }
}

/**
 * Vertex separator from a two-way partition: a minimum vertex cover of the cut edges (König's theorem on the
 * bipartite graph of boundary vertices, maximum matching by augmenting paths).
 */
const vertexSeparator = (g: Graph, part: Uint8Array, ws: Workspace): Uint8Array => {
  const n = g.n
  const where = Uint8Array.from(part)
  // Boundary vertices of part 0 (left); mates of matched vertices.
  const left: number[] = []
  for (let v = 0; v < n; v++) {
    if (part[v] !== 0) continue
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++)
      if (part[g.adj[p]!] === 1) {
        left.push(v)
        break
      }
  }
  const mate = ws.a.fill(-1, 0, n)
  for (const v of left)
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
      const u = g.adj[p]!
      if (part[u] === 1 && mate[u]! < 0) {
        mate[u] = v
        mate[v] = u
        break
      }
    }
  // Augmenting paths (depth first, iterative) from each free left vertex.
  const visited = ws.stamps
  const via = ws.b
  const stackV = ws.c
  const stackP = ws.d
  for (const root of left) {
    if (mate[root]! >= 0) continue
    const stamp = ws.nextStamp()
    let top = 0
    stackV[0] = root
    stackP[0] = g.xadj[root]!
    visited[root] = stamp
    let found = -1
    while (top >= 0 && found < 0) {
      const v = stackV[top]!
      const p = stackP[top]!
      if (p >= g.xadj[v + 1]!) {
        top--
        continue
      }
      stackP[top] = p + 1
      const u = g.adj[p]!
      if (part[u] !== 1 || visited[u] === stamp) continue
      visited[u] = stamp
      via[u] = v
      if (mate[u]! < 0) {
        found = u
        break
      }
      const w = mate[u]!
      if (visited[w] !== stamp) {
        visited[w] = stamp
        top++
        stackV[top] = w
        stackP[top] = g.xadj[w]!
      }
    }
    // Flip the augmenting path root → … → found.
    let u = found
    while (u >= 0) {
      const v = via[u]!
      const next = mate[v]!
      mate[u] = v
      mate[v] = u
      u = v === root ? -1 : next
    }
  }
  // König: Z = vertices reachable from free left vertices by alternating paths; cover = (left \ Z) ∪ (right ∩ Z).
  const inZ = ws.stamps2
  const zs = ws.nextStamp()
  const queue = ws.e
  let qt = 0
  for (const v of left)
    if (mate[v]! < 0) {
      inZ[v] = zs
      queue[qt++] = v
    }
  for (let h = 0; h < qt; h++) {
    const v = queue[h]!
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
      const u = g.adj[p]!
      if (part[u] !== 1 || inZ[u] === zs) continue
      inZ[u] = zs
      const w = mate[u]!
      if (w >= 0 && inZ[w] !== zs) {
        inZ[w] = zs
        queue[qt++] = w
      }
    }
  }
  for (const v of left) {
    if (inZ[v] !== zs) where[v] = 2
    for (let p = g.xadj[v]!; p < g.xadj[v + 1]!; p++) {
      const u = g.adj[p]!
      if (part[u] === 1 && inZ[u] === zs) where[u] = 2
    }
  }
  return where
}

/**
 * Fiduccia–Mattheyses passes on a vertex separator (where = 2): move a separator vertex into part 0 or 1
 * when that shrinks the separator — its neighbours on the other side join the separator — each vertex at most
 * once a pass, parts within 55 % of the weight; roll back to the smallest separator seen.
 */
const refineSeparator = (g: Graph, where: Uint8Array, passes: number, ws: Workspace): void => {
  const n = g.n
  const { xadj, adj, vwgt } = g
  const pw = [0, 0, 0]
  for (let v = 0; v < n; v++) pw[where[v]!]! += vwgt[v]!
  const maxW = Math.ceil(0.55 * (pw[0]! + pw[1]! + pw[2]!))
  const heaps = ws.heaps
  const locked = ws.stamps
  const logV = ws.a
  const logW = ws.b
  let logN = 0
  // Separator shrinkage if v moves to `side`: its own weight minus the neighbours pulled in from the other side.
  const gainTo = (v: number, side: number): number => {
    let gn = vwgt[v]!
    for (let p = xadj[v]!; p < xadj[v + 1]!; p++) if (where[adj[p]!] === 1 - side) gn -= vwgt[adj[p]!]!
    return gn
  }
  const touch = (x: number, stamp: number) => {
    if (where[x] !== 2 || locked[x] === stamp) return
    for (let side = 0; side < 2; side++) {
      const h = heaps[side]!
      const gn = gainTo(x, side)
      if (h.has(x)) h.update(x, gn)
      else h.push(x, gn)
    }
  }
  const set = (v: number, w: number) => {
    logV[logN] = v
    logW[logN++] = where[v]!
    pw[where[v]!]! -= vwgt[v]!
    where[v] = w
    pw[w]! += vwgt[v]!
  }
  for (let pass = 0; pass < passes; pass++) {
    const stamp = ws.nextStamp()
    heaps[0].clear()
    heaps[1].clear()
    logN = 0
    for (let v = 0; v < n; v++) if (where[v] === 2) touch(v, stamp)
    const startSep = pw[2]!
    let bestSep = startSep
    let bestBal = Math.abs(pw[0]! - pw[1]!)
    let bestLog = 0
    let sinceBest = 0
    const limit = Math.max(20, Math.min(200, n >> 5))
    while (sinceBest < limit) {
      const h0 = heaps[0]
      const h1 = heaps[1]
      if (h0.size === 0 && h1.size === 0) break
      // The better gain; ties go to the lighter side.
      let to: number
      if (h0.size === 0) to = 1
      else if (h1.size === 0) to = 0
      else to = h0.topKey() > h1.topKey() || (h0.topKey() === h1.topKey() && pw[0]! < pw[1]!) ? 0 : 1
      const v = heaps[to]!.pop()
      if (heaps[1 - to]!.has(v)) heaps[1 - to]!.remove(v)
      locked[v] = stamp
      if (pw[to]! + vwgt[v]! > maxW) continue
      // The undo log holds at most n entries.
      if (logN + xadj[v + 1]! - xadj[v]! + 1 > n) break
      set(v, to)
      for (let p = xadj[v]!; p < xadj[v + 1]!; p++) {
        const u = adj[p]!
        if (where[u] === 1 - to) {
          set(u, 2)
          touch(u, stamp)
          for (let q = xadj[u]!; q < xadj[u + 1]!; q++) touch(adj[q]!, stamp)
        } else if (where[u] === 2) touch(u, stamp)
      }
      sinceBest++
      const bal = Math.abs(pw[0]! - pw[1]!)
      if (pw[0]! <= maxW && pw[1]! <= maxW && (pw[2]! < bestSep || (pw[2]! === bestSep && bal < bestBal))) {
        bestSep = pw[2]!
        bestBal = bal
        bestLog = logN
        sinceBest = 0
      }
    }
    for (let k = logN - 1; k >= bestLog; k--) {
      const v = logV[k]!
      pw[where[v]!]! -= vwgt[v]!
      where[v] = logW[k]!
      pw[where[v]!]! += vwgt[v]!
    }
    heaps[0].clear()
    heaps[1].clear()
    if (bestSep >= startSep) break
  }
}
