import { type AppRuntime, makeAppRuntime } from "@jiju/app"
import { makeJobs, makeTokens, openStore, type Store } from "@jiju/store"
import { engines, openTestStore, TEST_DATABASE_URL } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildHttpApp } from "../src/HttpApp.js"
import { startJobWorker } from "../src/JobWorker.js"

// Hand-worked: one indicator per subsystem, so weights are 1; min–max gives U1 = [0, .5, 1], U2 = [1, 0, .5].
const couplingBody = {
  data: [
    { zone: "a", x: 0, y: 10 },
    { zone: "b", x: 5, y: 0 },
    { zone: "c", x: 10, y: 5 },
  ],
  id: "zone",
  subsystems: [
    { name: "econ", indicators: ["x"] },
    { name: "env", indicators: ["y"] },
  ],
}

const waitFor = async <T>(f: () => Promise<T | undefined>, ms = 30_000): Promise<T> => {
  const end = Date.now() + ms
  for (;;) {
    const v = await f()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error("timed out")
    await new Promise((r) => setTimeout(r, 50))
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the tests inspect JSON answers
type Json = any

describe.each(engines)("analyses and jobs on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let runtime: AppRuntime
  let app: ReturnType<typeof buildHttpApp>
  const token = { admin: "", submitter: "", viewer: "" }
  const call = async (method: string, path: string, opts: { as?: keyof typeof token; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) => {
    const r = await app.request(path, {
      method,
      headers: {
        ...(opts.as ? { authorization: `Bearer ${token[opts.as]}` } : {}),
        ...(opts.body !== undefined || opts.raw !== undefined ? { "content-type": "application/json" } : {}),
        ...opts.headers,
      },
      ...(opts.raw !== undefined ? { body: opts.raw } : opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    })
    return { status: r.status, headers: r.headers, json: async (): Promise<Json> => r.json() }
  }
  beforeAll(async () => {
    t = await openTestStore(engine)
    await t.store.regions.upsert([{ code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false }] as never)
    const tokens = makeTokens(t.db)
    token.admin = (await tokens.create({ role: "admin" })).token
    token.submitter = (await tokens.create({ role: "submitter", clusterIds: ["hb-qibin"] })).token
    token.viewer = (await tokens.create({ role: "viewer" })).token
    runtime = await makeAppRuntime({ db: t.db, analysisPool: { threads: 1, queue: 4 }, config: { analysisBudget: { sync: 5e7, job: 5e8 } } })
    app = buildHttpApp(runtime, undefined, { onInternalError: (e) => console.error("INTERNAL", e) })
  })
  afterAll(async () => {
    await runtime?.dispose()
    await t?.dispose()
  })

  it("computes coupling coordination as `jiju coupling --json` does", async () => {
    const r = await call("POST", "/v1/analyses/coupling", { as: "viewer", body: couplingBody })
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(Object.keys(doc)).toEqual(["weights", "alpha", "weighting", "normalise", "rows", "boundary_rule", "notes"])
    const c = doc.rows[2]
    expect(c.id).toBe("c")
    expect(c.U.econ).toBeCloseTo(1, 12)
    expect(c.U.env).toBeCloseTo(0.5, 12)
    expect(c.C).toBeCloseTo((2 * Math.sqrt(0.5)) / 1.5, 12)
    expect(c.T).toBeCloseTo(0.75, 12)
    expect(c.D).toBeCloseTo(Math.sqrt(((2 * Math.sqrt(0.5)) / 1.5) * 0.75), 12)
    expect(c.lagging).toBe("env")
    expect(doc.rows[0].C).toBe(0)
  })

  it("accepts CSV text and computes location quotients as `jiju concentration --json` does", async () => {
    const csv = "region,industry,v\nA,x,10\nA,y,30\nB,x,30\nB,y,30\n"
    const r = await call("POST", "/v1/analyses/concentration", { as: "viewer", body: { csv, region: "region", industry: "industry", value: "v" } })
    expect(r.status).toBe(200)
    const doc = await r.json()
    const lq = (reg: string, ind: string) => doc.lq.find((q: { region: string; industry: string }) => q.region === reg && q.industry === ind).lq
    expect(lq("A", "x")).toBeCloseTo(10 / 40 / (40 / 100), 12)
    expect(lq("B", "x")).toBeCloseTo(30 / 60 / (40 / 100), 12)
    expect(doc.hhi.x).toBeCloseTo((10 / 40) ** 2 + (30 / 40) ** 2, 12)
    // Against national totals (x 500, y 600 of 2000): A's x (10/40)/(500/2000) = 1, B's y (30/60)/(600/2000) = 5/3.
    const national = await call("POST", "/v1/analyses/concentration", {
      as: "viewer",
      body: { csv, region: "region", industry: "industry", value: "v", reference: { industry: { x: 500, y: 600 }, total: 2000 } },
    })
    const nd = await national.json()
    expect(national.status, JSON.stringify(nd)).toBe(200)
    const nlq = (reg: string, ind: string) => nd.lq.find((q: { region: string; industry: string }) => q.region === reg && q.industry === ind).lq
    expect(nlq("A", "x")).toBeCloseTo(1, 12)
    expect(nlq("B", "y")).toBeCloseTo(5 / 3, 12)
    expect(nd.reference).toEqual({ industry: { x: 500, y: 600 }, total: 2000 })
    const lacking = await call("POST", "/v1/analyses/concentration", {
      as: "viewer",
      body: { csv, region: "region", industry: "industry", value: "v", reference: { industry: { x: 500 }, total: 2000 } },
    })
    expect(lacking.status).toBe(422)
    expect((await lacking.json()).code).toBe("bad_reference")
    const camel = await call("POST", "/v1/analyses/concentration", {
      as: "viewer",
      body: { csv, region: "region", industry: "industry", value: "v", plantH: {} },
    })
    expect(camel.status).toBe(422)
    expect((await camel.json()).errors[0]).toMatchObject({ code: "wrong_case" })
  })

  it("summarises weights and computes Moran's I and LISA on a path of four units (hand-worked)", async () => {
    // 1–2–3–4 in a line; x = 1..4, binary weights: S0 = 6, Σ w z z = 2.5, Σ z² = 5 → I = (4/6)(2.5/5) = 1/3.
    const data = [1, 2, 3, 4].map((i) => ({ id: `u${i}`, x: i }))
    const gal = "4\nu1 1\nu2\nu2 2\nu1 u3\nu3 2\nu2 u4\nu4 1\nu3\n"
    const w = await (await call("POST", "/v1/analyses/weights", { as: "viewer", body: { data, id: "id", weights: { gal, transform: "b" } } })).json()
    expect(w).toEqual({ n: 4, links: 6, islands: [], min_neighbours: 1, max_neighbours: 2, mean_neighbours: 1.5 })
    const m = await (await call("POST", "/v1/analyses/moran", { as: "viewer", body: { data, id: "id", var: "x", weights: { gal, transform: "b" } } })).json()
    expect(m.I).toBeCloseTo(1 / 3, 12)
    expect(m.expected).toBeCloseTo(-1 / 3, 12)
    expect(m.n).toBe(4)
    const l = await (await call("POST", "/v1/analyses/lisa", { as: "viewer", body: { data, id: "id", var: "x", weights: { gal, transform: "b" } } })).json()
    // I_1 = z_1 / m2 · Σ_j w_1j z_j = (−1.5 / 1.25)(−0.5) = 0.6
    expect(l.rows[0].Ii).toBeCloseTo(0.6, 12)
    // spdep "mean" quadrants: x vs mean(x) = 2.5, binary lag Σ w x = [2, 4, 6, 3] vs its mean 3.75.
    expect(l.rows.map((r: { quadrant: string }) => r.quadrant)).toEqual(["LL", "LH", "HH", "HL"])
    const two = await call("POST", "/v1/analyses/moran", { as: "viewer", body: { data, id: "id", var: "x", weights: { gal, knn: 1 } } })
    expect(two.status).toBe(422)
    expect((await two.json()).code).toBe("conflicting_weights")
  })

  it("fits OLS as `jiju regress --json` does (hand-worked slope and intercept)", async () => {
    // x̄ = 1.5, ȳ = 2.75, Σ(x−x̄)(y−ȳ) = 5.5, Σ(x−x̄)² = 5 → slope 1.1, intercept 2.75 − 1.1·1.5 = 1.1
    const data = [
      { x: 0, y: 1 },
      { x: 1, y: 3 },
      { x: 2, y: 2 },
      { x: 3, y: 5 },
    ]
    const r = await call("POST", "/v1/analyses/regress", { as: "viewer", body: { data, formula: "y ~ x" } })
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc).toMatchObject({ model: "ols", formula: "y ~ x", response: "y", n: 4, k: 2, n_dropped: 0, lr: null, df_residual: 2 })
    expect(doc.coefficients.x.estimate).toBeCloseTo(1.1, 12)
    expect(doc.coefficients["(Intercept)"].estimate).toBeCloseTo(1.1, 12)
    const lag = await call("POST", "/v1/analyses/regress", { as: "viewer", body: { data, formula: "y ~ x", model: "lag" } })
    expect(lag.status).toBe(422)
    expect((await lag.json()).code).toBe("missing_weights")
  })

  it("reports bad analysis input as problems", async () => {
    expect((await call("POST", "/v1/analyses/coupling", { body: couplingBody })).status).toBe(401)
    expect((await call("POST", "/v1/analyses/divination", { as: "viewer", body: {} })).status).toBe(404)
    expect((await call("POST", "/v1/analyses/coupling", { as: "viewer", raw: "{" })).status).toBe(400)
    const text = await app.request("/v1/analyses/coupling", {
      method: "POST",
      headers: { authorization: `Bearer ${token.viewer}`, "content-type": "text/plain" },
      body: "{}",
    })
    expect(text.status).toBe(415)
    const missing = await call("POST", "/v1/analyses/coupling", { as: "viewer", body: { ...couplingBody, data: undefined } })
    expect(missing.status).toBe(422)
    const col = await call("POST", "/v1/analyses/coupling", { as: "viewer", body: { ...couplingBody, id: "nope" } })
    expect(col.status).toBe(422)
    expect((await col.json()).code).toBe("unknown_column")
    const one = await call("POST", "/v1/analyses/coupling", { as: "viewer", body: { ...couplingBody, subsystems: [couplingBody.subsystems[0]] } })
    expect(one.status).toBe(422)
  })

  it("refuses an analysis above the immediate budget and sends it to the job queue within the job budget", async () => {
    const data = Array.from({ length: 200 }, (_, i) => ({ id: `u${i}`, x: i % 7, y: Math.floor(i / 7), v: (i * 37) % 11 }))
    const body = { data, id: "id", var: "v", weights: { knn: 3, coords: ["x", "y"] }, permutations: 200_000 }
    const now = await call("POST", "/v1/analyses/moran", { as: "viewer", body })
    expect(now.status).toBe(422)
    const problem = await now.json()
    expect(problem.code).toBe("too_costly")
    expect(problem.detail).toMatch(/后台任务/)
    const huge = await call("POST", "/v1/analyses/moran/jobs", { as: "viewer", body: { ...body, permutations: 1_000_000 } })
    expect(huge.status).toBe(422)
    expect((await huge.json()).code).toBe("too_costly")
  })

  it("answers /health while an analysis runs in a worker thread", async () => {
    const data = Array.from({ length: 300 }, (_, i) => ({ id: `u${i}`, x: i % 20, y: Math.floor(i / 20), v: (i * 37) % 11 }))
    // 300 × 20,001 × 8 ≈ 4.8e7 units: inside the immediate budget of this suite, and hundreds of milliseconds of work.
    const running = call("POST", "/v1/analyses/moran", {
      as: "viewer",
      body: { data, id: "id", var: "v", weights: { knn: 4, coords: ["x", "y"] }, permutations: 20_000 },
    })
    const order: string[] = []
    const moran = running.then((r) => {
      order.push("moran")
      return r
    })
    await new Promise((r) => setTimeout(r, 20))
    const health = await app.request("/health")
    order.push("health")
    expect(health.status).toBe(200)
    expect((await moran).status).toBe(200)
    // The event loop was free: the health check answered while the permutations ran.
    expect(order).toEqual(["health", "moran"])
  })

  it("runs an analysis as a job: 202, Location, then the same document; failures keep their code", async () => {
    const worker = startJobWorker(runtime, { workerId: "w-test", pollMs: 30 })
    try {
      const r = await call("POST", "/v1/analyses/coupling/jobs", { as: "viewer", body: couplingBody })
      expect(r.status).toBe(202)
      const loc = r.headers.get("location")!
      expect(loc).toMatch(/^\/v1\/jobs\/job_/)
      const done = await waitFor(async () => {
        const j = await (await call("GET", loc, { as: "viewer" })).json()
        return j.status === "succeeded" || j.status === "failed" ? j : undefined
      })
      expect(done.status).toBe("succeeded")
      expect(done.progress).toBe(1)
      expect(Object.keys(done)).toEqual(["id", "kind", "status", "progress", "created_at", "started_at", "finished_at", "result", "error"])
      const sync = await (await call("POST", "/v1/analyses/coupling", { as: "viewer", body: couplingBody })).json()
      expect(done.result).toEqual(sync)
      // Another non-admin caller cannot see it; an admin can.
      expect((await call("GET", loc, { as: "submitter" })).status).toBe(404)
      expect((await call("GET", loc, { as: "admin" })).status).toBe(200)

      const bad = await call("POST", "/v1/analyses/coupling/jobs", { as: "viewer", body: { ...couplingBody, id: "nope" } })
      const failed = await waitFor(async () => {
        const j = await (await call("GET", bad.headers.get("location")!, { as: "viewer" })).json()
        return j.status === "failed" ? j : undefined
      })
      expect(failed.error).toMatchObject({ code: "unknown_column" })
      expect(failed.error.zh).toMatch(/nope/)
    } finally {
      await worker.stop()
    }
  })

  it("shares one job queue between two processes without running any job twice", async () => {
    let second: Store | undefined
    let other: AppRuntime = runtime
    if (engine === "postgres") {
      // A second connection pool to the same schema: what a second API process would hold.
      const [row] = await t.db.query<{ s: string }>("select current_schema() as s")
      second = await openStore({ databaseUrl: TEST_DATABASE_URL!, schema: row!.s })
      other = await makeAppRuntime({ db: second.db, analysisPool: { threads: 1 } })
    }
    const a = startJobWorker(runtime, { workerId: "api-a", pollMs: 20 })
    const b = startJobWorker(other, { workerId: "api-b", pollMs: 20 })
    try {
      const jobs = makeJobs(t.db)
      const ids: string[] = []
      for (let i = 0; i < 40; i++) ids.push((await jobs.enqueue("coupling", couplingBody, "test")).id)
      a.kick()
      b.kick()
      await waitFor(async () => {
        const [r] = await t.db.query<{ n: number }>("select count(*)::int as n from jobs where id = any($1::text[]) and status = 'succeeded'", [ids])
        return Number(r!.n) === ids.length ? true : undefined
      }, 60_000)
      const rows = await t.db.query<{ attempts: number; claimed_by: string }>("select attempts, claimed_by from jobs where id = any($1::text[])", [ids])
      expect(rows.every((r) => Number(r.attempts) === 1)).toBe(true)
      expect(a.done() + b.done()).toBe(ids.length)
      if (engine === "postgres") {
        expect(a.done()).toBeGreaterThan(0)
        expect(b.done()).toBeGreaterThan(0)
      }
    } finally {
      await a.stop()
      await b.stop()
      if (other !== runtime) await other.dispose()
      await second?.close()
    }
  })
})
