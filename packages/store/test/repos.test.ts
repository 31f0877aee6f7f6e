import type { ClusterId, IndicatorCode, Period } from "@jiju/domain/model"
import { indicatorCatalogue } from "@jiju/domain/model"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"
import { loadMigrations, migrate } from "../src/db/migrate.js"
import { clearStore, type Store } from "../src/Store.js"
import { engines, openTestStore } from "./engines.js"
import { jinshan, liyang, pingqiaoCbd, regions } from "./fixtures.js"

const cluster = (id: string) => ({ kind: "cluster" as const, id: id as ClusterId })
const obs = (id: string, period: string, indicator: string, value: number) => ({
  target: cluster(id),
  period: period as Period,
  indicator: indicator as IndicatorCode,
  value,
})

describe.each(engines)("store repositories on %s", (engine) => {
  let store: Store
  let dispose: () => Promise<void>
  beforeAll(async () => {
    ;({ store, dispose } = await openTestStore(engine))
  })
  afterAll(() => dispose())
  beforeEach(async () => {
    await clearStore(store.db, { keepIndicators: true })
    await store.regions.upsert(regions)
  })

  it("migrations are recorded and a second run applies nothing", async () => {
    expect(await migrate(store.db)).toEqual([])
    const rows = await store.db.query<{ version: number }>("select version from schema_migrations order by version")
    expect(rows.map((r) => Number(r.version))).toEqual(loadMigrations().map((m) => m.version))
    expect(rows[0]?.version).toBe(1)
  })

  it("regions: list, filter, get and upsert round-trip domain values", async () => {
    const stored = { version: 1, archivedAt: null }
    expect(await store.regions.list()).toEqual(regions.map((r) => ({ ...r, ...stored })))
    expect((await store.regions.list({ parent: "410600" })).map((r) => r.name)).toEqual(["淇滨区", "浚县"])
    expect((await store.regions.list({ level: "prefecture" })).length).toBe(2)
    expect(await store.regions.get("410621")).toEqual({ ...regions[3], ...stored })
    expect(await store.regions.get("419999")).toBeUndefined()
    await store.regions.upsert([{ ...regions[3]!, name: "浚县（改）", nameEn: "Xun" }])
    expect(await store.regions.get("410621")).toEqual({ ...regions[3], name: "浚县（改）", nameEn: "Xun", ...stored })
    expect(await store.regions.count()).toBe(6)
  })

  it("indicators: the catalogue is present; upsert replaces a definition", async () => {
    const list = await store.indicators.list()
    expect(list.length).toBe(indicatorCatalogue.length)
    const revenue = indicatorCatalogue.find((d) => d.code === "revenue")!
    expect(await store.indicators.get("revenue")).toEqual({ ...revenue, version: 1, archivedAt: null })
    await store.indicators.upsert([{ ...revenue, description: "年度" }])
    expect((await store.indicators.get("revenue"))?.description).toBe("年度")
    await store.indicators.upsert([revenue])
    expect(await store.indicators.ensureCatalogue()).toBe(0)
    // A catalogue indicator missing from the store is added back, and only it.
    await store.db.query("delete from indicators where code = 'revenue'")
    expect(await store.indicators.ensureCatalogue()).toBe(1)
    expect(await store.indicators.get("revenue")).toEqual({ ...revenue, version: 1, archivedAt: null })
    expect((await store.indicators.list()).length).toBe(indicatorCatalogue.length)
  })

  it("clusters: create, get, filters by region / kind / group / level", async () => {
    const created = await store.clusters.create(jinshan, "alice")
    expect(created).toEqual({ ...jinshan, version: 1, archivedAt: null })
    await store.clusters.create(liyang)
    await store.clusters.create(pingqiaoCbd)
    expect(await store.clusters.get("hb-jinshan")).toEqual(created)
    const ids = async (f: Parameters<Store["clusters"]["list"]>[0]) => (await store.clusters.list(f)).map((c) => c.id)
    expect(await ids({})).toEqual(["hb-jinshan", "hb-liyang", "xy-pingqiao-cbd"])
    expect(await ids({ region: "410600" })).toEqual(["hb-jinshan", "hb-liyang"])
    expect(await ids({ region: "410000" })).toEqual(["hb-jinshan", "hb-liyang", "xy-pingqiao-cbd"])
    expect(await ids({ region: "410621" })).toEqual(["hb-liyang"])
    expect(await ids({ kind: "modern_service" })).toEqual(["xy-pingqiao-cbd"])
    expect(await ids({ group: "county" })).toEqual(["hb-liyang"])
    expect(await ids({ level: "city" })).toEqual(["xy-pingqiao-cbd"])
    await expect(store.clusters.create(jinshan)).rejects.toMatchObject({ code: "duplicate_id" })
    await expect(store.clusters.create({ ...liyang, id: "x1" as ClusterId, region: "410699" as never })).rejects.toMatchObject({
      code: "unknown_region",
    })
  })

  it("clusters: update checks the expected version; archive hides; audit keeps before/after", async () => {
    await store.clusters.create(jinshan, "alice")
    const v2 = await store.clusters.update({ ...jinshan, plannedArea: 20 }, 1, "bob")
    expect(v2.version).toBe(2)
    expect(v2.plannedArea).toBe(20)
    // A second editor still holding version 1 is refused and nothing changes.
    await expect(store.clusters.update({ ...jinshan, plannedArea: 99 }, 1, "carol")).rejects.toMatchObject({
      code: "version_conflict",
    })
    expect((await store.clusters.get("hb-jinshan"))?.plannedArea).toBe(20)
    await expect(store.clusters.update({ ...liyang }, 1)).rejects.toMatchObject({ code: "not_found" })
    const archived = await store.clusters.archive("hb-jinshan", 2, "bob")
    expect(archived.version).toBe(3)
    expect(archived.archivedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(await store.clusters.list()).toEqual([])
    expect((await store.clusters.list({ archived: "only" })).map((c) => c.id)).toEqual(["hb-jinshan"])
    const back = await store.clusters.unarchive("hb-jinshan", 3)
    expect(back.archivedAt).toBeNull()
    const history = await store.audit.history("cluster", "hb-jinshan")
    expect(history.map((h) => [h.action, h.actor])).toEqual([
      ["create", "alice"],
      ["update", "bob"],
      ["archive", "bob"],
      ["unarchive", ""],
    ])
    expect((history[1]!.before as { plannedArea: number }).plannedArea).toBe(18.5)
    expect((history[1]!.after as { plannedArea: number }).plannedArea).toBe(20)
  })

  it("observations: upsert many, replace on the same key, series and period ranges", async () => {
    expect(await store.observations.periods()).toEqual([])
    await store.clusters.create(jinshan)
    await store.clusters.create(liyang)
    const n = await store.observations.upsertMany([
      obs("hb-jinshan", "2023", "revenue", 100.5),
      obs("hb-jinshan", "2024", "revenue", 110.25),
      obs("hb-jinshan", "2025", "revenue", 120),
      obs("hb-jinshan", "2025Q1", "revenue", 30),
      obs("hb-liyang", "2025", "revenue", 40),
      obs("hb-liyang", "2025", "tax_total", 1.5),
    ])
    expect(n).toBe(6)
    await store.observations.upsertMany([
      { ...obs("hb-jinshan", "2024", "revenue", 111), source: "统计年鉴", submitter: "bob", note: "revised", submittedAt: "2025-03-01T00:00:00.000Z" },
    ])
    expect(await store.observations.count()).toBe(6)
    const series = await store.observations.series(cluster("hb-jinshan"), "revenue", { from: "2024", to: "2025" })
    expect(series.map((o) => [o.period, o.value])).toEqual([
      ["2024", 111],
      ["2025", 120],
    ])
    expect(series[0]).toMatchObject({ source: "统计年鉴", submitter: "bob", note: "revised", submittedAt: "2025-03-01T00:00:00.000Z", isDemo: false })
    const quarters = await store.observations.query({ clusters: ["hb-jinshan"], from: "2025Q1", to: "2025Q4" })
    expect(quarters.map((o) => o.period)).toEqual(["2025Q1"])
    expect(await store.observations.periods()).toEqual(["2023", "2024", "2025", "2025Q1"])
    // Unknown cluster or indicator: the foreign keys refuse the whole batch.
    await expect(store.observations.upsertMany([obs("hb-jinshan", "2022", "revenue", 1), obs("nope", "2022", "revenue", 1)])).rejects.toThrow()
    await expect(store.observations.upsertMany([obs("hb-jinshan", "2022", "no_such", 1)])).rejects.toThrow()
    expect(await store.observations.count()).toBe(6)
  })

  it("observations: keyset pages cover a query exactly once, in its order, with the total", async () => {
    await store.clusters.create(jinshan)
    await store.clusters.create(liyang)
    const rows = ["2019", "2020", "2021", "2022", "2023"].flatMap((p, i) => [
      obs("hb-jinshan", p, "revenue", i),
      obs("hb-jinshan", p, "tax_total", i),
      obs("hb-liyang", p, "revenue", i),
    ])
    await store.observations.upsertMany(rows)
    for (const q of [{}, { clusters: ["hb-jinshan"] }, { indicators: ["revenue"], from: "2020", to: "2022" }, { from: "2030", to: "2031" }]) {
      const all = await store.observations.query(q)
      // Exactly one page's worth (all.length) and more than all (100) count themselves; the rest count the query.
      for (const limit of [1, 2, 4, Math.max(1, all.length), 100]) {
        const seen: Array<(typeof all)[number]> = []
        let after: Parameters<typeof store.observations.page>[2]
        do {
          const page = await store.observations.page(q, limit, after)
          expect(page.total).toBe(all.length)
          expect(page.items.length).toBeLessThanOrEqual(limit)
          seen.push(...page.items)
          after = page.next
        } while (after)
        expect(seen).toEqual(all)
      }
    }
  })

  it("observations: one period as a clusters × indicators matrix", async () => {
    await store.clusters.create(jinshan)
    await store.clusters.create(liyang)
    await store.clusters.create(pingqiaoCbd)
    await store.observations.upsertMany([
      obs("hb-jinshan", "2025", "revenue", 120),
      obs("hb-liyang", "2025", "revenue", 40),
      obs("hb-liyang", "2025", "tax_total", 1.5),
      obs("hb-liyang", "2024", "tax_total", 1.2),
    ])
    const m = await store.observations.matrix("2025")
    expect(m.clusters).toEqual(["hb-jinshan", "hb-liyang", "xy-pingqiao-cbd"])
    expect(m.indicators).toEqual(["revenue", "tax_total"])
    expect(m.values).toEqual([
      [120, null],
      [40, 1.5],
      [null, null],
    ])
    expect(m.hasDemo).toBe(false)
    const sub = await store.observations.matrix("2025", { indicators: ["tax_total"], clusters: ["hb-liyang"] })
    expect(sub.values).toEqual([[1.5]])
  })

  it("a transaction that throws leaves nothing behind", async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await tx.query("insert into regions (code, name, level, parent, macro_zone) values ('410622', '淇县', 'county', '410600', 'central')")
        throw new Error("boom")
      }),
    ).rejects.toThrow("boom")
    expect(await store.regions.get("410622")).toBeUndefined()
  })
})
