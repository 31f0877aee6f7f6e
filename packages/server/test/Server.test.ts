import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { jijuApi, makeClient } from "@jiju/domain/contract"
import { openTestStore } from "@jiju/testkit"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type RunningServer, startServer } from "../src/Server.js"

describe("the server: demo data, demo accounts, web app, typed client, graceful shutdown", () => {
  let server: RunningServer
  let dist: string
  let store: Awaited<ReturnType<typeof openTestStore>>
  const lines: string[] = []
  const password = (role: string) => lines.join("\n").match(new RegExp(`${role}\\s+demo-${role}\\s+(\\S+)`))![1]!
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), "jiju-web-"))
    mkdirSync(join(dist, "assets"))
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>集聚</title><div id=root></div>")
    writeFileSync(join(dist, "assets", "app-1234.js"), "console.log(1)")
    store = await openTestStore("pglite")
    server = await startServer({ db: store.db, port: 0, env: { JIJU_DEMO: "1" }, webDist: dist, log: (l) => lines.push(l) })
  })
  afterAll(async () => {
    await server?.close()
    await store?.dispose()
    rmSync(dist, { recursive: true, force: true })
  })

  it("loads the demo into the empty store and prints one account per role with its password", async () => {
    const out = lines.join("\n")
    expect(out).toMatch(/demo data loaded: \d+ regions, \d+ clusters, \d+ observations/)
    for (const role of ["admin", "submitter", "viewer"]) expect(out).toMatch(new RegExp(`${role}\\s+demo-${role}\\s+\\S{12}`))
    expect(out).toContain(server.url)
    expect(out).toContain("memory://")
    // A demo makes published results public.
    expect(server.runtime.config.publicResults).toBe(true)
  })

  it("serves the API, the web app's files and index.html for client routes", async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
    const js = await fetch(`${server.url}/assets/app-1234.js`)
    expect(js.headers.get("content-type")).toContain("javascript")
    expect(js.headers.get("cache-control")).toContain("immutable")
    const route = await fetch(`${server.url}/clusters/hb-qibin`)
    expect(await route.text()).toContain("<title>集聚</title>")
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(200) // index.html, never the file
    expect((await fetch(`${server.url}/v1/nope`)).status).toBe(404)
  })

  it("logs a demo account in through the typed client and reads clusters", async () => {
    const anon = makeClient(jijuApi, { baseUrl: server.url })
    const login = await anon.login({ body: { name: "demo-viewer", password: password("viewer") } })
    expect(login.status).toBe(200)
    expect(login.data.user.role).toBe("viewer")
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!
    expect(login.headers.get("set-cookie")).not.toContain("Secure") // http on 127.0.0.1
    const api = makeClient(jijuApi, { baseUrl: server.url, headers: () => ({ cookie }) })
    const page = await api.listClusters({ query: { limit: "5" } })
    expect(page.status).toBe(200)
    expect(page.data.items).toHaveLength(5)
    expect(page.data.next_cursor).not.toBeNull()
    // The demo submitter is bound to the first zone.
    const me = await makeClient(jijuApi, { baseUrl: server.url })
      .login({ body: { name: "demo-submitter", password: password("submitter") } })
      .then((r) => r.data.user)
    expect(me.cluster_ids).toHaveLength(1)
  })

  it("answers a queued analysis job with its own worker", async () => {
    const cookie = (
      await fetch(`${server.url}/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: "demo-viewer", password: password("viewer") }),
      })
    ).headers
      .get("set-cookie")!
      .split(";")[0]!
    const body = {
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
    const queued = await fetch(`${server.url}/v1/analyses/coupling/jobs`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: server.url },
      body: JSON.stringify(body),
    })
    expect(queued.status).toBe(202)
    const loc = queued.headers.get("location")!
    let job: { status: string; result: unknown } | undefined
    for (const end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 50))) {
      job = (await (await fetch(`${server.url}${loc}`, { headers: { cookie } })).json()) as { status: string; result: unknown }
      if (job.status === "succeeded" || job.status === "failed") break
    }
    expect(job?.status).toBe("succeeded")
  })

  // The assessment operations come with the assessments part of the application core.
  it.runIf("runAssessment" in jijuApi)("runs the 2017 Henan scheme on the demo data, ranks by group and publishes the result", async () => {
    const cookieFor = async (role: string) => {
      const r = await fetch(`${server.url}/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: `demo-${role}`, password: password(role) }),
      })
      return r.headers.get("set-cookie")!.split(";")[0]!
    }
    const admin = await cookieFor("admin")
    const run = await fetch(`${server.url}/v1/assessments/runs`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin },
      body: JSON.stringify({ scheme: "henan-2017", period: "2024" }),
    })
    expect(run.status).toBe(201)
    const { id, result } = (await run.json()) as { id: string; result: { groups: Array<{ group: string; ranking: Array<{ rank: number; score: number }> }> } }
    for (const g of result.groups) {
      // Competition ranks follow the scores, best first.
      for (let i = 1; i < g.ranking.length; i++) {
        expect(g.ranking[i]!.score).toBeLessThanOrEqual(g.ranking[i - 1]!.score)
        expect(g.ranking[i]!.rank).toBeGreaterThanOrEqual(g.ranking[i - 1]!.rank)
      }
    }
    const q = "scheme=henan-2017&period=2024"
    // Demo mode makes published results public; this run is not published yet.
    expect((await fetch(`${server.url}/v1/assessments/rankings?${q}`)).status).toBe(404)
    const signedIn = await fetch(`${server.url}/v1/assessments/rankings?${q}&group=county`, { headers: { cookie: await cookieFor("viewer") } })
    const ranking = (await signedIn.json()) as { groups: Array<{ group: string }> }
    expect(ranking.groups.map((g) => g.group)).toEqual(["county"])
    expect((await fetch(`${server.url}/v1/assessments/runs/${id}/publish`, { method: "POST", headers: { cookie: admin } })).status).toBe(204)
    const pub = await fetch(`${server.url}/v1/assessments/rankings?${q}`)
    expect(pub.status).toBe(200)
    const top = ((await pub.json()) as { groups: Array<{ ranking: Array<{ cluster_id: string }> }> }).groups[0]!.ranking[0]!.cluster_id
    const one = (await (await fetch(`${server.url}/v1/assessments/clusters/${top}?${q}`)).json()) as { rank: number; explanation: unknown }
    expect(one.rank).toBe(1)
    expect(one.explanation).toBeTruthy()
    const hist = (await (await fetch(`${server.url}/v1/assessments/clusters/${top}/history?scheme=henan-2017`)).json()) as {
      items: Array<{ period: string; rank: number }>
    }
    expect(hist.items).toEqual([expect.objectContaining({ period: "2024", rank: 1 })])
    expect((await fetch(`${server.url}/v1/assessments/runs`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(401)
  })

  it("leaves a store that is not empty as it is, and keeps results private outside a demo", async () => {
    const other = await openTestStore("pglite")
    await other.store.regions.upsert([{ code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false }] as never)
    const log: string[] = []
    const s = await startServer({ db: other.db, port: 0, env: { JIJU_DEMO: "1" }, webDist: join(dist, "none"), log: (l) => log.push(l) })
    try {
      expect(log.join("\n")).not.toContain("demo data loaded")
      expect(log.join("\n")).toContain("serving the API only")
      expect(s.runtime.config.publicResults).toBe(false)
      expect(await (await fetch(`${s.url}/health`)).json()).toEqual({ status: "ok" })
    } finally {
      await s.close()
      await other.dispose()
    }
  })

  it("finishes an in-flight request when shutting down, then refuses connections", async () => {
    const own = await openTestStore("pglite")
    const other = await startServer({ db: own.db, port: 0, env: { JIJU_DEMO: "0" }, webDist: join(dist, "none"), log: () => {} })
    // Send the headers and half the body, start the shutdown, then send the rest: the request is in flight.
    const u = new URL(other.url)
    const body = JSON.stringify({ name: "nobody", password: "wrong-password" })
    const req = request({
      host: u.hostname,
      port: u.port,
      method: "POST",
      path: "/v1/auth/login",
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
    })
    const response = new Promise<number>((resolve, reject) => {
      req.on("response", (res) => {
        res.resume()
        res.on("end", () => resolve(res.statusCode ?? 0))
      })
      req.on("error", reject)
    })
    req.write(body.slice(0, 10))
    await new Promise((r) => setTimeout(r, 300))
    const closing = other.close()
    await new Promise((r) => setTimeout(r, 100))
    req.end(body.slice(10))
    expect(await response).toBe(401)
    await closing
    await expect(fetch(`${other.url}/health`)).rejects.toThrow()
    await own.dispose()
  })
})
