import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { migrate } from "../src/db/migrate.js"
import { demoData } from "../src/demo/loadDemo.js"
import { zoneAreaRepo } from "../src/repos/zoneAreas.js"
import type { Store } from "../src/Store.js"
import { engines, openTestStore } from "./engines.js"

// The register's first shape of a rule source, as rows written before migration 0610 hold it.
const oldDocument = { kind: "document", reference: "seed 002 篇5 一", quote: "南区主要安排固定资产投资1000万元的高新技术项目" }
const oldLocal = { kind: "local", reference: "某县工业园区管理办法 第八条", quote: null }
const oldDefault = { kind: "default", reference: "Jiju default: two storeys count as one plant", quote: null }
const oldOther = { kind: "document", reference: "某省开发区条例", quote: "第十条" }

describe.each(engines)("migration 0610: rule sources take the model's RuleSource shape on %s", (engine) => {
  let t: Awaited<ReturnType<typeof openTestStore>>
  let store: Store
  beforeAll(async () => {
    t = await openTestStore(engine)
    store = t.store
    const demo = demoData()
    const zone = demo.clusters[0]!
    await store.regions.upsert(demo.regions)
    await store.db.transaction((tx) => store.clusters.insertMany([zone], tx))
    // Rows as the first shape wrote them, then 0610 applied to them.
    await store.db.query("delete from schema_migrations where version = 610")
    await store.db.query("insert into zone_areas (cluster_id, code, name, rules) values ($1, 'south', '南区', $2::jsonb)", [
      zone.id,
      JSON.stringify([
        { minFixedInvestment: 1000, types: [], traits: ["high_tech"], mode: "required", source: oldDocument },
        { minFixedInvestment: null, types: ["industrial"], traits: [], mode: "advisory", source: oldLocal },
      ]),
    ])
    await store.db.query("insert into firms (id, name, memberships) values ('f-old', '旧企业', $1::jsonb)", [
      JSON.stringify([{ list: "dragon", year: 2024, criteria: ["六好"], source: oldDefault }]),
    ])
    await store.db.query(
      `insert into projects (id, name, cluster_id, investor, type, total_investment, fixed_investment, contract, status, history, documents, admission)
       values ('p-old', '旧项目', $1, '某公司', 'industrial', 900, 900, '{}'::jsonb, 'signed', '[]'::jsonb, '[]'::jsonb, $2::jsonb)`,
      [zone.id, JSON.stringify({ area: null, admitted: false, breaches: [{ code: "below_min_investment", rule: 0, source: oldOther }] })],
    )
    expect(await migrate(store.db)).toEqual([610])
  })
  afterAll(async () => {
    await t?.dispose()
  })

  it("rewrites a seed document's reference as its file and section, keeping the line", async () => {
    const [row] = await store.db.query<{ rules: Array<{ source: unknown; minFixedInvestment: number | null }> }>(
      "select rules from zone_areas where code = 'south'",
    )
    expect(row!.rules[0]!.source).toEqual({
      kind: "document",
      document: "002_5346310891de6d1c.txt",
      section: "篇5 一",
      quote: "南区主要安排固定资产投资1000万元的高新技术项目",
      note: null,
      reference: "seed 002 篇5 一",
    })
    // The rest of the rule and the order of the rules are untouched.
    expect(row!.rules.map((r) => r.minFixedInvestment)).toEqual([1000, null])
  })

  it("reads a zone's own regulation as the commission's configuration", async () => {
    const [row] = await store.db.query<{ rules: Array<{ source: unknown }> }>("select rules from zone_areas where code = 'south'")
    expect(row!.rules[1]!.source).toEqual({
      kind: "commission",
      document: null,
      section: null,
      quote: null,
      note: { zh: "某县工业园区管理办法 第八条", en: "某县工业园区管理办法 第八条" },
      reference: "某县工业园区管理办法 第八条",
    })
  })

  it("rewrites a default's text as its note, and a document outside the seeds as the document named", async () => {
    const [firm] = await store.db.query<{ memberships: Array<{ source: unknown; criteria: string[] }> }>("select memberships from firms where id = 'f-old'")
    expect(firm!.memberships[0]!.source).toEqual({
      kind: "default",
      document: null,
      section: null,
      quote: null,
      note: { zh: "two storeys count as one plant", en: "two storeys count as one plant" },
      reference: "Jiju default: two storeys count as one plant",
    })
    expect(firm!.memberships[0]!.criteria).toEqual(["六好"])
    const [p] = await store.db.query<{ admission: { admitted: boolean; breaches: Array<{ source: unknown; code: string }> } }>(
      "select admission from projects where id = 'p-old'",
    )
    expect(p!.admission.admitted).toBe(false)
    expect(p!.admission.breaches[0]!.code).toBe("below_min_investment")
    expect(p!.admission.breaches[0]!.source).toEqual({
      kind: "document",
      document: "某省开发区条例",
      section: null,
      quote: "第十条",
      note: null,
      reference: "某省开发区条例",
    })
  })

  it("reads a row still in the first shape (a backup made before 0610, restored) as the same RuleSource", async () => {
    const zone = demoData().clusters[0]!.id
    await store.db.query("insert into zone_areas (cluster_id, code, name, rules) values ($1, 'west', '西区', $2::jsonb)", [
      zone,
      JSON.stringify([{ minFixedInvestment: 500, types: [], traits: ["labour_intensive"], mode: "required", source: oldLocal }]),
    ])
    const west = await zoneAreaRepo(store.db).get(zone, "west")
    expect(west!.rules[0]!.source).toEqual({
      kind: "commission",
      document: null,
      section: null,
      quote: null,
      note: { zh: "某县工业园区管理办法 第八条", en: "某县工业园区管理办法 第八条" },
      reference: "某县工业园区管理办法 第八条",
    })
    await store.db.query("delete from zone_areas where code = 'west'")
  })

  it("leaves sources already in the new shape alone, and applies once", async () => {
    const before = await store.db.query("select rules from zone_areas")
    await store.db.query("delete from schema_migrations where version = 610")
    expect(await migrate(store.db)).toEqual([610])
    expect(await store.db.query("select rules from zone_areas")).toEqual(before)
    expect(await migrate(store.db)).toEqual([])
  })
})
