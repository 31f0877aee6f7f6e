import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runRepo } from "../src/assessments/runs.js"
import { makeJobs, makeTokens, makeUsers } from "../src/auth/index.js"
import { exportStore, restoreStore, storeContents } from "../src/backup/backup.js"
import { DEMO_SOURCE } from "../src/demo/demoObservations.js"
import { henanRegions, isDevelopmentZoneCode } from "../src/demo/henanRegions.js"
import { demoData, loadDemo } from "../src/demo/loadDemo.js"
import { type Store, storeChecksum, storeCounts } from "../src/Store.js"
import { engines, openTestStore } from "./engines.js"

describe("demo data (pure)", () => {
  it("uses Henan's real divisions: 1 province, 17 cities + the 省直辖 group, county units without 7x codes", () => {
    const regions = henanRegions()
    expect(regions.filter((r) => r.level === "province").map((r) => r.name)).toEqual(["河南省"])
    const prefectures = regions.filter((r) => r.level === "prefecture")
    expect(prefectures).toHaveLength(18)
    expect(prefectures.find((r) => r.code === "410600")?.name).toBe("鹤壁市")
    const counties = regions.filter((r) => r.level === "county")
    expect(counties.some((r) => isDevelopmentZoneCode(r.code))).toBe(false)
    expect(counties.find((r) => r.code === "410171")).toBeUndefined() // 郑州经济技术开发区
    expect(counties.find((r) => r.code === "419001")).toMatchObject({ name: "济源市", parent: "419000", isDistrict: false })
    expect(counties.find((r) => r.code === "410611")).toMatchObject({ name: "淇滨区", isDistrict: true })
    expect(regions.every((r) => r.macroZone === "central")).toBe(true)
  })

  it("is deterministic, labelled as demo, with the documents' zone names and plausible magnitudes", () => {
    const a = demoData(7)
    const b = demoData(7)
    expect(b).toEqual(a)
    expect(demoData(8).observations[0]!.value).not.toBe(a.observations[0]!.value)
    const d = demoData()
    expect(d.clusters.length).toBeGreaterThanOrEqual(170)
    expect(d.clusters.length).toBeLessThanOrEqual(190)
    const names = new Map(d.clusters.map((c) => [c.id, c]))
    expect(names.get("hb-jinshan" as never)).toMatchObject({ name: "金山产业集聚区", region: "410611", group: "urban_district" })
    expect(names.get("hb-liyang" as never)).toMatchObject({ name: "黎阳产业集聚区", region: "410621", group: "county" })
    expect(names.get("hb-qihe" as never)?.name).toBe("鹤淇产业集聚区")
    expect(names.get("hb-baoshan" as never)?.name).toBe("宝山循环经济产业集聚区")
    expect(names.get("xy-pingqiao" as never)?.name).toBe("平桥产业集聚区")
    const services = d.clusters.filter((c) => c.kind === "modern_service")
    expect(services.length).toBeGreaterThanOrEqual(18)
    expect(services.every((c) => c.group === "urban_district" && c.form !== null)).toBe(true)
    expect(d.clusters.every((c) => c.isDemo)).toBe(true)
    expect(d.observations.every((o) => o.isDemo === true && o.source === DEMO_SOURCE)).toBe(true)
    const years = new Set(d.observations.map((o) => o.period))
    // Every year 2009–2025, and the half-year 2025H1 of the province's half-year positions (篇8).
    expect([...years].sort()).toEqual([...Array.from({ length: 17 }, (_, i) => String(2009 + i)), "2025H1"])
    expect(d.observations.length).toBeGreaterThan(40_000)
    // A typical county zone: tens to a few hundred 亿元 of revenue by 2025.
    const rev2025 = d.observations
      .filter((o) => o.indicator === "revenue" && o.period === "2025")
      .map((o) => o.value)
      .sort((x, y) => x - y)
    const median = rev2025[Math.floor(rev2025.length / 2)]!
    expect(median).toBeGreaterThan(50)
    expect(median).toBeLessThan(400)
    expect(d.observations.every((o) => Number.isFinite(o.value) && o.value >= 0)).toBe(true)
    // Tax is a few per cent of revenue for the same zone and year.
    const key = (o: (typeof d.observations)[number]) => `${o.target.id}|${o.period}`
    const revenue = new Map(d.observations.filter((o) => o.indicator === "revenue").map((o) => [key(o), o.value]))
    for (const o of d.observations.filter((o) => o.indicator === "tax_total" && revenue.has(key(o)))) {
      const rate = o.value / revenue.get(key(o))!
      expect(rate).toBeGreaterThan(0.015)
      expect(rate).toBeLessThan(0.07)
    }
  })
})

describe.each(engines)("demo load, export and restore on %s", (engine) => {
  let store: Store
  let fresh: Store
  const disposers: Array<() => Promise<void>> = []
  beforeAll(async () => {
    const a = await openTestStore(engine)
    const b = await openTestStore(engine)
    store = a.store
    fresh = b.store
    disposers.push(a.dispose, b.dispose)
  })
  afterAll(async () => {
    for (const d of disposers) await d()
  })

  // Generous timeout: ~48,000 rows are written twice (load, restore) and read twice (export) on a shared machine.
  it("loads the demo set fast into an empty store, refuses a second load; export → restore round-trips every table", { timeout: 300_000 }, async () => {
    const result = await loadDemo(store)
    console.log(`[${engine}] loadDemo: ${result.observations} observations, ${result.clusters} clusters in ${result.milliseconds} ms`)
    const counts = await storeCounts(store.db)
    expect(counts).toMatchObject({ regions: result.regions, clusters: result.clusters, observations: result.observations })
    await expect(loadDemo(store)).rejects.toMatchObject({ code: "store_not_empty" })
    const m = await store.observations.matrix("2025", { indicators: ["revenue"] })
    expect(m.hasDemo).toBe(true)
    // Everything else a store holds: accounts (hashed passwords), a session, tokens, audit entries, an import, a job,
    // a stored scheme and a run with its per-zone rows, an archived zone.
    const users = makeUsers(store.db)
    await users.create({ name: "chief", role: "admin", password: "chief-password-1" })
    await users.create({ name: "zone", role: "submitter", password: "zone-password-1", clusterIds: ["hb-jinshan"] })
    expect((await users.login("chief", "chief-password-1")).ok).toBe(true)
    await makeTokens(store.db).create({ role: "viewer", name: "ci" })
    await makeJobs(store.db).enqueue("moran", { csv: "x" }, "token:tok_x")
    await store.clusters.archive("hb-liyang", 1, "user:chief")
    await store.imports.record({ fileName: "2025.csv", format: "long", rows: 3, importedBy: "user:chief", checksum: "abc" })
    await runRepo(store.db).save({
      result: {
        schemeId: "henan-2017",
        period: "2025",
        clusters: [{ clusterId: "hb-jinshan", group: "county", status: "ranked", score: 81.5, rank: 1, rankChange: null, reward: true, stars: null }],
      } as never,
      published: true,
      createdBy: "user:chief",
    })
    // Zone facts (an accepted one and a committee's proposal) and a supervision decision with its monthly report.
    await store.zoneFacts.record(
      [{ cluster: "hb-jinshan", fact: "detailed_plan", value: true, asOf: "2024-06-30", evidence: "豫政文〔2024〕1号" }],
      "user:chief",
      "accepted",
      "2025-01-02T00:00:00.000Z",
    )
    await store.zoneFacts.record(
      [{ cluster: "hb-jinshan", fact: "trunk_roads", value: 6, asOf: "2025-06-30" }],
      "user:zone",
      "proposed",
      "2025-07-01T00:00:00.000Z",
    )
    const decision = await store.supervision.decide(
      { cluster: "hb-liyang", period: "2025H1", measure: "on_site_supervision", reasonZh: "上半年总投资排名末位" },
      "user:chief",
      "2025-07-10T00:00:00.000Z",
    )
    await store.supervision.report(decision.id, "2025-08", { zh: "已开工项目 2 个" }, "user:chief", "2025-08-31T00:00:00.000Z")

    const doc = await exportStore(store.db)
    expect(doc).toMatchObject({ format: "jiju-store", version: 2 })
    for (const t of [
      "app_users",
      "app_sessions",
      "app_tokens",
      "audit_log",
      "imports",
      "jobs",
      "assessment_runs",
      "assessment_cluster_results",
      "observations",
      "zone_facts",
      "supervision_decisions",
      "supervision_reports",
      "zone_areas",
      "firms",
      "projects",
      "weekly_reports",
    ])
      expect(doc.tables[t]?.length, t).toBeGreaterThan(0)
    expect(JSON.stringify(doc.tables.app_users)).not.toContain("chief-password-1")
    // Through JSON text, as the CLI writes it.
    const text = JSON.stringify(doc)
    expect(await storeContents(fresh.db)).toEqual({})
    const restored = await restoreStore(fresh.db, JSON.parse(text))
    expect(restored.tables.observations).toBe(result.observations)
    expect(restored.archivedAudit).toBe(0)
    // Every table, every row, every column: the export of the restored store is the export of the original.
    const again = await exportStore(fresh.db)
    expect({ ...again, exportedAt: "" }).toEqual({ ...doc, exportedAt: "" })
    expect(await storeChecksum(fresh.db)).toBe(await storeChecksum(store.db))
    // New identities continue after the restored ones.
    await fresh.imports.record({ fileName: "next.csv", format: "long", rows: 1, importedBy: "x", checksum: null })
    expect((await fresh.imports.list()).map((i) => i.id)).toEqual([1, 2])

    // A store holding accounts and audit entries but no observations is not empty: refused without --force.
    const bare = await openTestStore(engine)
    try {
      await makeUsers(bare.store.db).create({ name: "someone", role: "admin", password: "someone-password-1" })
      await bare.store.audit.record({ actor: "user:someone", entity: "user", entityId: "x", action: "create", before: null, after: null })
      await expect(restoreStore(bare.store.db, JSON.parse(text))).rejects.toMatchObject({ code: "store_not_empty" })
      expect(await storeContents(bare.store.db)).toMatchObject({ app_users: 1, audit_log: 1 })
      // With --force the store is replaced, and its audit trail is kept aside, not deleted.
      const forced = await restoreStore(bare.store.db, JSON.parse(text), { force: true })
      expect(forced.archivedAudit).toBe(1)
      const [kept] = await bare.store.db.query<{ n: number }>("select count(*)::int as n from audit_log_archive where actor = 'user:someone'")
      expect(Number(kept!.n)).toBe(1)
      expect(await storeChecksum(bare.store.db)).toBe(await storeChecksum(store.db))
    } finally {
      await bare.dispose()
    }

    // Bad documents are refused before anything is touched.
    await expect(restoreStore(fresh.db, { format: "jiju-store", version: 99 }, { force: true })).rejects.toMatchObject({ code: "unsupported_version" })
    const broken = JSON.parse(text)
    broken.tables.observations[3].value = "twelve"
    await expect(restoreStore(fresh.db, broken, { force: true })).rejects.toMatchObject({ code: "invalid_backup" })
    const unknown = { ...JSON.parse(text), tables: { ...JSON.parse(text).tables, nonsense: [] } }
    await expect(restoreStore(fresh.db, unknown, { force: true })).rejects.toMatchObject({ code: "invalid_backup" })
    expect(await storeChecksum(fresh.db)).toBe(await storeChecksum(store.db))
  })

  it("restores an export of version 1 (register and observations only)", async () => {
    const v1 = {
      format: "jiju-store",
      version: 1,
      exportedAt: "2026-01-01T00:00:00.000Z",
      regions: [{ code: "410000", name: "河南省", level: "province", parent: null, macroZone: "central", isDistrict: false }],
      indicators: [],
      clusters: [],
      observations: [],
    }
    const target = await openTestStore(engine)
    try {
      const r = await restoreStore(target.store.db, v1)
      expect(r.tables).toMatchObject({ regions: 1 })
      expect((await target.store.regions.get("410000"))?.name).toBe("河南省")
    } finally {
      await target.dispose()
    }
  })
})
