import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { indicatorCatalogue } from "@jiju/domain/model"
import { openStore } from "@jiju/store"
import { describe, expect, it } from "vitest"
import { prefectureWeights } from "../../src/dashboard/data/prefectureWeights.js"
import { apiSource } from "../../src/dashboard/sources/apiSource.js"
import { memorySource } from "../../src/dashboard/sources/memorySource.js"
import { openSource } from "../../src/dashboard/sources/openSource.js"
import { clusters, observations, regions } from "./fixture.js"

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
    expect(await src.storedAssessment("henan-2017", "2025")).toBeUndefined()
  })

  it("apiSource pages through lists with the bearer token and reads /v1 routes", async () => {
    const calls: string[] = []
    const auth: Array<string | null> = []
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(String(input))
      calls.push(`${url.pathname}?${url.searchParams.toString()}`)
      auth.push(new Headers(init?.headers).get("authorization"))
      if (url.pathname === "/v1/clusters")
        return url.searchParams.get("cursor") === "p2"
          ? json({ items: clusters.slice(3), nextCursor: null, total: 5 })
          : json({ items: clusters.slice(0, 3), nextCursor: "p2", total: 5 })
      if (url.pathname === "/v1/regions") return json({ items: regions, nextCursor: null, total: regions.length })
      if (url.pathname === "/v1/indicators") return json({ items: indicatorCatalogue, nextCursor: null, total: 1 })
      if (url.pathname === "/v1/observations")
        return json({ items: observations.filter((o) => o.indicator === url.searchParams.get("indicators")?.split(",")[0]) })
      if (url.pathname === "/v1/assessments/results") return json({ type: "not_found" }, 404)
      return json({}, 500)
    }) as typeof fetch
    const src = apiSource({ baseUrl: "http://127.0.0.1:9/", token: "t0k", fetch: fakeFetch })
    const reg = await src.register()
    expect(reg.clusters.map((c) => c.id)).toEqual(clusters.map((c) => c.id))
    expect(reg.periods).toEqual(["2023", "2024", "2025"])
    expect(calls).toContain("/v1/clusters?limit=500&cursor=p2")
    expect(auth.every((a) => a === "Bearer t0k")).toBe(true)
    const obs = await src.observations({ indicators: ["revenue"], period: "2025", clusters: ["zz-a", "zz-b"] })
    expect(calls.at(-1)).toBe("/v1/observations?clusters=zz-a%2Czz-b&indicators=revenue&period=2025")
    expect(obs.length).toBeGreaterThan(0)
    expect(await src.storedAssessment("henan-2017", "2025")).toBeUndefined()
    expect(src.description.en).toBe("API http://127.0.0.1:9")
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
