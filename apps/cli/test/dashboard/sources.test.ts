import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { AssessmentPreviewDocument, assessmentReport, StageDocument, type StagedZone } from "@jiju/domain/assessment"
import { Page, toWire, wireDocument } from "@jiju/domain/contract"
import { indicatorCatalogue, Observation, StoredCluster, StoredIndicator, StoredRegion } from "@jiju/domain/model"
import { openStore } from "@jiju/store"
import type * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import { prefectureWeights } from "../../src/dashboard/data/prefectureWeights.js"
import { apiSource } from "../../src/dashboard/sources/apiSource.js"
import { openSource } from "../../src/dashboard/sources/openSource.js"
import { clusters, observations, regions } from "./fixture.js"
import { memorySource } from "./memorySource.js"

describe("dashboard sources", () => {
  it("memorySource filters observations by cluster, indicator and period range", async () => {
    const src = memorySource({ clusters, regions, indicators: indicatorCatalogue, observations })
    const reg = await src.register()
    expect(reg.periods).toEqual(["2023", "2024", "2025"])
    const got = await src.observations({ clusters: ["zz-a"], indicators: ["revenue"], from: "2024", to: "2025" })
    expect(got.map((o) => [o.period, o.value])).toEqual([
      ["2024", 10],
      ["2025", 30],
    ])
    // Nothing stored: the ranking is the domain's assessment of the period, as the core's preview computes it.
    expect((await src.ranking("henan-2017", "2025"))?.from).toBe("computed")
    expect(await src.ranking("henan-2017", "2031")).toBeNull()
  })

  it("apiSource pages through lists with the bearer token, and decodes every answer by its Schema", async () => {
    const calls: string[] = []
    const auth: Array<string | null> = []
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { "content-type": status < 400 ? "application/json" : "application/problem+json" } })
    const stored = <T extends object>(x: T) => ({ ...x, version: 1, archivedAt: null })
    const page = <S extends Schema.Top>(item: S, items: ReadonlyArray<unknown>, nextCursor: string | null) =>
      toWire(Page(item), { items, nextCursor, total: items.length })
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input))
      const q = Object.fromEntries(url.searchParams)
      calls.push(`${url.pathname}?${url.searchParams.toString()}`)
      auth.push(new Headers(init?.headers).get("authorization"))
      if (url.pathname === "/v1/clusters")
        return q.cursor === "p2" ? json(page(StoredCluster, clusters.slice(3), null)) : json(page(StoredCluster, clusters.slice(0, 3), "p2"))
      if (url.pathname === "/v1/regions") return json(page(StoredRegion, regions.map(stored), null))
      if (url.pathname === "/v1/indicators") return json(page(StoredIndicator, indicatorCatalogue.map(stored), null))
      if (url.pathname === "/v1/observations")
        return json({
          items: observations.filter((o) => o.indicator === q.indicators?.split(",")[0]).map((o) => toWire(Observation, o)),
          next_cursor: null,
          total: 0,
        })
      return json({}, 500)
    }) as typeof fetch
    const src = apiSource({ baseUrl: "http://127.0.0.1:9/", token: "t0k", fetch: fakeFetch })
    const reg = await src.register()
    expect(reg.clusters).toEqual(clusters)
    expect(reg.regions.map((r) => r.code)).toEqual(regions.map((r) => r.code))
    expect(reg.periods).toEqual(["2023", "2024", "2025"])
    expect(calls).toContain("/v1/clusters?limit=500&cursor=p2")
    expect(auth.every((a) => a === "Bearer t0k")).toBe(true)
    const obs = await src.observations({ indicators: ["revenue"], period: "2025", clusters: ["zz-a", "zz-b"] })
    expect(calls.at(-1)).toBe("/v1/observations?clusters=zz-a%2Czz-b&indicators=revenue&period=2025")
    expect(obs[0]).toEqual(observations.find((o) => o.indicator === "revenue"))
    expect(src.description.en).toBe("API http://127.0.0.1:9")
  })

  it("apiSource reads the ranking and the judgements through the contract's client", async () => {
    // The answers of the core, in wire form, from the same domain functions.
    const memory = memorySource({ clusters, regions, indicators: indicatorCatalogue, observations })
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })
    const fakeFetch = (async (input: string | URL | Request) => {
      const url = new URL(String(input))
      const q = Object.fromEntries(url.searchParams)
      if (url.pathname === "/v1/assessments/results") return json({ status: 404, code: "not_found", detail: "no assessment" }, 404)
      if (url.pathname === "/v1/assessments/preview") {
        const result = (await memory.ranking(q.scheme!, q.period!))!.result
        const report = assessmentReport({
          scheme: { id: result.schemeId, name: result.schemeName },
          schemeFrom: "built_in",
          checksum: null,
          result,
          previousSource: null,
          source: "store",
          demo: true,
          stability: null,
          run: null,
        })
        return json(wireDocument(AssessmentPreviewDocument, { result, report }))
      }
      if (url.pathname === "/v1/assessments/stage") {
        const j = await memory.judgements(q.cluster!, q.period!, { certify: false })
        return json(wireDocument(StageDocument, { period: q.period!, source: "store", demo: true, results: [j.stage as StagedZone] }))
      }
      if (url.pathname === "/v1/assessments/diagnosis")
        return json({ status: 422, code: "unknown_period", detail: "no observations for period 2031", errors: [] }, 422)
      return json({}, 500)
    }) as typeof fetch
    const src = apiSource({ baseUrl: "http://127.0.0.1:9", token: "t0k", fetch: fakeFetch })
    const ranking = await src.ranking("henan-2017", "2025")
    expect(ranking?.from).toBe("computed")
    expect(ranking?.result).toEqual(JSON.parse(JSON.stringify((await memory.ranking("henan-2017", "2025"))!.result)))
    const judged = await src.judgements("zz-a", "2025", { certify: false })
    expect(judged.stage).toEqual(JSON.parse(JSON.stringify((await memory.judgements("zz-a", "2025", { certify: false })).stage)))
    expect(judged.certification).toBeNull()
    // A judgement the API refuses is shown in its place.
    expect(judged.diagnosis).toEqual({ error: { zh: "no observations for period 2031", en: "no observations for period 2031" } })
  })

  it("apiSource reports an unreachable server as a CLI error", async () => {
    const src = apiSource({
      baseUrl: "http://127.0.0.1:9",
      fetch: (async () => {
        throw new Error("ECONNREFUSED")
      }) as typeof fetch,
    })
    await expect(src.register()).rejects.toThrow(/cannot reach the API/)
  })

  it("prefectureWeights links zones of the same prefecture, row-standardised", () => {
    const w = prefectureWeights(["a", "b", "c", "d"], { a: "410102", b: "410105", c: "410106", d: "410221" })
    expect([...w.rowPtr]).toEqual([0, 2, 4, 6, 6])
    expect([...w.colIdx]).toEqual([1, 2, 0, 2, 0, 1])
    expect([...w.values]).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    expect(w.style).toBe("W")
  })
})

describe("deferredSource", () => {
  it("answers reads once the real source opens, and shows a placeholder until then", async () => {
    const { deferredSource } = await import("../../src/dashboard/sources/deferredSource.js")
    let open: (s: ReturnType<typeof memorySource>) => void = () => {}
    const pending = new Promise<ReturnType<typeof memorySource>>((res) => (open = res))
    const src = deferredSource(pending, { zh: "本地数据库", en: "store" })
    expect(src.description.en).toBe("store")
    const reading = src.register()
    open(memorySource({ clusters, regions, indicators: indicatorCatalogue, observations }, { zh: "内存", en: "memory" }))
    expect((await reading).clusters).toHaveLength(5)
    expect(src.description.en).toBe("memory")
    await src.close()
  })

  it("passes an opening failure to the first read", async () => {
    const { deferredSource } = await import("../../src/dashboard/sources/deferredSource.js")
    const src = deferredSource(Promise.reject(new Error("store is locked by process 42")), { zh: "本地数据库", en: "store" })
    await expect(src.register()).rejects.toThrow("locked")
    await src.close()
  })
})

describe("openSource", () => {
  it("opens the API for --api, and refuses a URL that is not http(s)", async () => {
    const api = await openSource({ api: "http://127.0.0.1:9/", token: "t0k" }, {})
    expect(api.description.en).toBe("API http://127.0.0.1:9")
    await expect(openSource({ api: "ftp://example.org" }, {})).rejects.toMatchObject({ code: "usage", exitCode: 2 })
  })

  it("reports a store in use as the CLI's error", async () => {
    const dir = mkdtempSync(join(tmpdir(), "jiju-dash-open-"))
    const env = { JIJU_DATA_DIR: dir, DATABASE_URL: "" }
    const holder = await openStore({ env })
    try {
      await expect(openSource({}, env)).rejects.toMatchObject({ name: "CliError", code: "store_in_use", exitCode: 1 })
    } finally {
      await holder.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
