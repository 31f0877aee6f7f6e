import { makeJobs, openStore, type Store } from "@jiju/store"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { buildApi } from "../src/app.js"
import { backends, pgUrl, type Setup, setup } from "./helpers.js"

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

const waitFor = async <T>(f: () => Promise<T | undefined>, ms = 20_000): Promise<T> => {
  const end = Date.now() + ms
  for (;;) {
    const v = await f()
    if (v !== undefined) return v
    if (Date.now() > end) throw new Error("timed out")
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe.each(backends)("analyses and jobs on $name", (backend) => {
  let t: Setup
  beforeAll(async () => {
    t = await setup(backend)
  })
  afterAll(async () => {
    await t?.close()
  })

  it("computes coupling coordination as `jiju coupling --json` does", async () => {
    const r = await t.call("POST", "/v1/analyses/coupling", { as: "viewer", body: couplingBody })
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
    const r = await t.call("POST", "/v1/analyses/concentration", { as: "viewer", body: { csv, region: "region", industry: "industry", value: "v" } })
    expect(r.status).toBe(200)
    const doc = await r.json()
    const lq = (reg: string, ind: string) => doc.lq.find((q: { region: string; industry: string }) => q.region === reg && q.industry === ind).lq
    expect(lq("A", "x")).toBeCloseTo(10 / 40 / (40 / 100), 12)
    expect(lq("B", "x")).toBeCloseTo(30 / 60 / (40 / 100), 12)
    expect(doc.hhi.x).toBeCloseTo((10 / 40) ** 2 + (30 / 40) ** 2, 12)
  })

  it("summarises weights and computes Moran's I and LISA on a path of four units (hand-worked)", async () => {
    // 1–2–3–4 in a line; x = 1..4, binary weights: S0 = 6, Σ w z z = 2.5, Σ z² = 5 → I = (4/6)(2.5/5) = 1/3.
    const data = [1, 2, 3, 4].map((i) => ({ id: `u${i}`, x: i }))
    const gal = "4\nu1 1\nu2\nu2 2\nu1 u3\nu3 2\nu2 u4\nu4 1\nu3\n"
    const w = await (await t.call("POST", "/v1/analyses/weights", { as: "viewer", body: { data, id: "id", weights: { gal, transform: "b" } } })).json()
    expect(w).toEqual({ n: 4, links: 6, islands: [], min_neighbours: 1, max_neighbours: 2, mean_neighbours: 1.5 })
    const m = await (await t.call("POST", "/v1/analyses/moran", { as: "viewer", body: { data, id: "id", var: "x", weights: { gal, transform: "b" } } })).json()
    expect(m.I).toBeCloseTo(1 / 3, 12)
    expect(m.expected).toBeCloseTo(-1 / 3, 12)
    expect(m.n).toBe(4)
    const l = await (await t.call("POST", "/v1/analyses/lisa", { as: "viewer", body: { data, id: "id", var: "x", weights: { gal, transform: "b" } } })).json()
    // I_1 = z_1 / m2 · Σ_j w_1j z_j = (−1.5 / 1.25)(−0.5) = 0.6
    expect(l.rows[0].Ii).toBeCloseTo(0.6, 12)
    // spdep "mean" quadrants: x vs mean(x) = 2.5, binary lag Σ w x = [2, 4, 6, 3] vs its mean 3.75.
    expect(l.rows.map((r: { quadrant: string }) => r.quadrant)).toEqual(["LL", "LH", "HH", "HL"])
    const two = await t.call("POST", "/v1/analyses/moran", { as: "viewer", body: { data, id: "id", var: "x", weights: { gal, knn: 1 } } })
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
    const r = await t.call("POST", "/v1/analyses/regress", { as: "viewer", body: { data, formula: "y ~ x" } })
    expect(r.status).toBe(200)
    const doc = await r.json()
    expect(doc).toMatchObject({ model: "ols", formula: "y ~ x", response: "y", n: 4, k: 2, n_dropped: 0, lr: null, df_residual: 2 })
    expect(doc.coefficients.x.estimate).toBeCloseTo(1.1, 12)
    expect(doc.coefficients["(Intercept)"].estimate).toBeCloseTo(1.1, 12)
    const lag = await t.call("POST", "/v1/analyses/regress", { as: "viewer", body: { data, formula: "y ~ x", model: "lag" } })
    expect(lag.status).toBe(422)
    expect((await lag.json()).code).toBe("missing_weights")
  })

  it("reports bad analysis input as problems", async () => {
    expect((await t.call("POST", "/v1/analyses/coupling", { body: couplingBody })).status).toBe(401)
    expect((await t.call("POST", "/v1/analyses/divination", { as: "viewer", body: {} })).status).toBe(404)
    expect((await t.call("POST", "/v1/analyses/coupling", { as: "viewer", raw: "{" })).status).toBe(400)
    const missing = await t.call("POST", "/v1/analyses/coupling", { as: "viewer", body: { ...couplingBody, data: undefined } })
    expect(missing.status).toBe(422)
    const col = await t.call("POST", "/v1/analyses/coupling", { as: "viewer", body: { ...couplingBody, id: "nope" } })
    expect(col.status).toBe(422)
    expect((await col.json()).code).toBe("unknown_column")
    const one = await t.call("POST", "/v1/analyses/coupling", { as: "viewer", body: { ...couplingBody, subsystems: [couplingBody.subsystems[0]] } })
    expect(one.status).toBe(422)
  })

  it("runs an analysis as a job: 202, Location, then the same document", async () => {
    const api = buildApi({ db: t.store.db, config: { jobPollMs: 30 } })
    try {
      const r = await api.app.request("/v1/analyses/coupling", {
        method: "POST",
        headers: { authorization: `Bearer ${t.token.viewer}`, "content-type": "application/json", prefer: "respond-async" },
        body: JSON.stringify(couplingBody),
      })
      expect(r.status).toBe(202)
      const loc = r.headers.get("location")!
      expect(loc).toMatch(/^\/v1\/jobs\/job_/)
      const done = await waitFor(async () => {
        const j = (await (await t.call("GET", loc, { as: "viewer" })).json()) as { status: string; result: unknown; progress: number }
        return j.status === "succeeded" || j.status === "failed" ? j : undefined
      })
      expect(done.status).toBe("succeeded")
      expect(done.progress).toBe(1)
      const sync = await (await t.call("POST", "/v1/analyses/coupling", { as: "viewer", body: couplingBody })).json()
      expect(done.result).toEqual(sync)
      // Another non-admin caller cannot see it; an admin can.
      expect((await t.call("GET", loc, { as: "submitter" })).status).toBe(404)
      expect((await t.call("GET", loc, { as: "admin" })).status).toBe(200)

      const bad = await api.app.request("/v1/analyses/coupling?async=1", {
        method: "POST",
        headers: { authorization: `Bearer ${t.token.viewer}`, "content-type": "application/json" },
        body: JSON.stringify({ ...couplingBody, id: "nope" }),
      })
      const failed = await waitFor(async () => {
        const j = (await (await t.call("GET", bad.headers.get("location")!, { as: "viewer", headers: { "accept-language": "en" } })).json()) as {
          status: string
          error: { code: string; status: number; detail: string } | null
        }
        return j.status === "failed" ? j : undefined
      })
      expect(failed.error).toMatchObject({ code: "unknown_column", status: 422 })
    } finally {
      await api.worker?.stop()
    }
  })

  it("shares one job queue between two API instances without running any job twice", async () => {
    let second: Store | undefined
    let db2 = t.store.db
    if (backend.name === "postgres") {
      // A second connection pool to the same schema: what a second API process would hold.
      const [row] = await t.store.db.query<{ s: string }>("select current_schema() as s")
      second = await openStore({ databaseUrl: pgUrl!, schema: row!.s })
      db2 = second.db
    }
    const a = buildApi({ db: t.store.db, config: { jobPollMs: 20, workerId: "api-a" } })
    const b = buildApi({ db: db2, config: { jobPollMs: 20, workerId: "api-b" } })
    try {
      const jobs = makeJobs(t.store.db)
      const ids: string[] = []
      for (let i = 0; i < 40; i++) ids.push((await jobs.enqueue("coupling", couplingBody, "test")).id)
      a.worker!.kick()
      b.worker!.kick()
      await waitFor(async () => {
        const [r] = await t.store.db.query<{ n: number }>("select count(*)::int as n from jobs where id = any($1::text[]) and status = 'succeeded'", [ids])
        return Number(r!.n) === ids.length ? true : undefined
      }, 60_000)
      const rows = await t.store.db.query<{ attempts: number; claimed_by: string }>("select attempts, claimed_by from jobs where id = any($1::text[])", [ids])
      expect(rows.every((r) => Number(r.attempts) === 1)).toBe(true)
      expect(a.worker!.done() + b.worker!.done()).toBe(ids.length)
      expect(new Set(rows.map((r) => r.claimed_by))).toEqual(new Set(["api-a", "api-b"].filter((w) => rows.some((r) => r.claimed_by === w))))
      if (backend.name === "postgres") {
        expect(a.worker!.done()).toBeGreaterThan(0)
        expect(b.worker!.done()).toBeGreaterThan(0)
      }
    } finally {
      await a.worker?.stop()
      await b.worker?.stop()
      await second?.close()
    }
  })

  it("re-queues the job in hand when a worker stops", async () => {
    const jobs = makeJobs(t.store.db)
    const job = await jobs.enqueue("coupling", couplingBody, "test")
    const claimed = await jobs.claim("dying-worker")
    expect(claimed?.id).toBe(job.id)
    expect(await jobs.release("dying-worker", "requeue")).toBe(1)
    expect((await jobs.get(job.id))?.status).toBe("queued")
    expect((await jobs.claim("other"))?.id).toBe(job.id)
    expect(await jobs.release("other", "fail")).toBe(1)
    expect((await jobs.get(job.id))?.status).toBe("failed")
  })
})
