import { openStore } from "@jiju/store"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv } from "./storeEnv.js"

type ClusterRow = { id: string; name: string; kind: string; group: string; region: string; regionName: string; isDemo: boolean; plannedArea: number }

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

describe.each(engines)("jiju clusters / regions / indicators / demo on %s", (engine) => {
  let env: Record<string, string>
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ env, dispose } = await makeStoreEnv(engine))
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it("lists nothing in a new store, then the demo clusters after `jiju demo`", SLOW, async () => {
    const empty = await runCli(["clusters", "--json"], env)
    expect(empty.code).toBe(0)
    expect(empty.json()).toEqual({ clusters: [] })

    const demo = await runCli(["demo", "--json"], env)
    expect(demo.code).toBe(0)
    const loaded = demo.json() as { clusters: number; observations: number; milliseconds: number }
    expect(loaded.clusters).toBeGreaterThan(170)
    console.log(`[${engine}] jiju demo: ${loaded.observations} observations in ${loaded.milliseconds} ms`)

    const again = await runCli(["demo", "--json"], env)
    expect(again.code).toBe(1)
    expect((again.json() as { error: { code: string } }).error.code).toBe("store_not_empty")

    const all = await runCli(["clusters", "--json"], env)
    const clusters = (all.json() as { clusters: ClusterRow[] }).clusters
    expect(clusters).toHaveLength(loaded.clusters)
    expect(clusters.every((c) => c.isDemo)).toBe(true)
    expect(clusters.find((c) => c.id === "hb-jinshan")).toMatchObject({
      name: "金山产业集聚区",
      kind: "industrial",
      group: "urban_district",
      region: "410611",
      regionName: "淇滨区",
    })
    // 鹤壁: its five named zones plus its CBD.
    const hebi = (await runCli(["clusters", "--json", "--region", "410600"], env)).json() as { clusters: ClusterRow[] }
    expect(hebi.clusters.map((c) => c.name).sort()).toEqual(
      ["宝山循环经济产业集聚区", "石林产业集聚区", "金山产业集聚区", "黎阳产业集聚区", "鹤淇产业集聚区", "鹤壁中央商务区"].sort(),
    )
    const services = (await runCli(["clusters", "--json", "--kind", "modern_service"], env)).json() as { clusters: ClusterRow[] }
    expect(services.clusters.length).toBeGreaterThanOrEqual(18)
    expect(services.clusters.every((c) => c.kind === "modern_service")).toBe(true)
    const county = (await runCli(["clusters", "--json", "--group", "county"], env)).json() as { clusters: ClusterRow[] }
    expect(county.clusters.every((c) => c.group === "county")).toBe(true)
    const urban = (await runCli(["clusters", "--json", "--group", "urban_district"], env)).json() as { clusters: ClusterRow[] }
    expect(county.clusters.length + urban.clusters.length).toBe(clusters.length)
    const text = await runCli(["clusters", "--region", "410621"], env)
    expect(text.stdout).toContain("黎阳产业集聚区")
    expect(text.stdout).toContain("演示数据")
  })

  it("lists regions and indicators as JSON; rejects bad flags with exit 2", SLOW, async () => {
    const regions = (await runCli(["regions", "--json", "--parent", "410600"], env)).json() as { regions: Array<{ name: string }> }
    expect(regions.regions.map((r) => r.name)).toEqual(["鹤山区", "山城区", "淇滨区", "浚县", "淇县"])
    const indicators = (await runCli(["indicators", "--json"], env)).json() as { indicators: Array<{ code: string; unit: string }> }
    expect(indicators.indicators.find((d) => d.code === "investment_intensity")?.unit).toBe("万元/亩")
    const bad = await runCli(["clusters", "--json", "--kind", "factory"], env)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain("--kind must be one of")
  })

  it.runIf(engine === "pglite")("refuses to open an embedded store another process holds, naming the holder", SLOW, async () => {
    const held = await openStore({ env })
    try {
      const r = await runCli(["clusters", "--json"], env)
      expect(r.code).toBe(1)
      const err = (r.json() as { error: { code: string; message: string } }).error
      expect(err.code).toBe("store_in_use")
      expect(err.message).toContain(`in use by process ${process.pid}`)
    } finally {
      await held.close()
    }
    expect((await runCli(["clusters", "--json"], env)).code).toBe(0)
  })
})
