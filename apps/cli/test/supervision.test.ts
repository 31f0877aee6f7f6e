import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { runCli } from "./helpers.js"
import { engines, makeStoreEnv } from "./storeEnv.js"

// Each CLI call opens the on-disk store (PGlite start-up): allow for a busy machine.
const SLOW = { timeout: 240_000 }

type Entry = { id: string; value: number; position: number; position_from_last: number; mu: number | null }
type Check = { indicator: string; ratio: number | null; doubled: boolean | null }
type Zone = { id: string; weak_base: boolean | null; verdict: string; checks: Check[] }

// 篇8's land quota (用地指标), 考核晋级 and 督导 at the command line, on the demo store.
describe.each(engines)("jiju land-quota, promotion and supervision on %s", (engine) => {
  let env: Record<string, string>
  let dispose: () => Promise<void>
  const cli = async (...argv: string[]) => runCli(argv, env)
  beforeAll(async () => {
    ;({ env, dispose } = await makeStoreEnv(engine))
    expect((await cli("demo", "--json")).code).toBe(0)
  }, SLOW.timeout)
  afterAll(() => dispose(), SLOW.timeout)

  it("draws the 20 last and the 20 first on 投入产出强度 and moves the 亩 cut", SLOW, async () => {
    const r = await cli("land-quota", "--period", "2025", "--cut", "30", "--json")
    expect(r.code, r.stderr).toBe(0)
    const doc = r.json() as { quota_year: string; places: number; placed: number; pool: number; first: Entry[]; last: Entry[]; status: string }
    expect(doc).toMatchObject({ quota_year: "2026", places: 20, status: "complete" })
    // No tie in the demo at either 20th place: 20 zones each, 20 × 30 亩 pooled and shared by 20.
    expect(doc.first).toHaveLength(20)
    expect(doc.last).toHaveLength(20)
    expect(doc.pool).toBe(600)
    expect(doc.first.every((e) => e.position <= 20 && e.mu === 30)).toBe(true)
    expect(doc.last.every((e) => e.position_from_last <= 20 && e.mu === 30)).toBe(true)
    expect(Math.min(...doc.first.map((e) => e.value))).toBeGreaterThan(Math.max(...doc.last.map((e) => e.value)))
    expect(doc.last.map((e) => e.position_from_last)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1))
    const text = await cli("land-quota", "--period", "2025")
    expect(text.stdout).toContain("投入产出强度 Input–output intensity（万元/亩）")
    expect(text.stdout).toContain("未设定扣减数量：只列名单 · no amount set: the lists only")
    expect(text.stdout).toContain("依据 p8.land_quota: 对投入产出强度排后20位的将适度扣减下一年年度用地指标")
    const bad = await cli("land-quota", "--period", "2025H1", "--json")
    expect(bad.code).toBe(2)
  })

  it("judges the promotion from the stored weak-base fact, the verdict following the doubling", SLOW, async () => {
    const set = await cli("facts", "set", "--cluster", "hb-jinshan", "--fact", "weak_base", "--value", "否", "--as-of", "2009-12-31", "--json")
    expect(set.code, set.stderr).toBe(0)
    const r = await cli("promotion", "--cluster", "hb-jinshan", "--json")
    expect(r.code, r.stderr).toBe(0)
    const zone = (r.json() as { zones: Zone[] }).zones[0]!
    expect(zone.weak_base).toBe(false)
    // A good base: promoted exactly when every ratio is at least 2, else unchanged.
    const doubled = zone.checks.every((c) => c.ratio !== null && c.ratio >= 2)
    expect(zone.verdict).toBe(doubled ? "promoted" : "kept")
    expect(zone.checks.map((c) => c.indicator)).toEqual(["revenue", "employment", "tax_total"])
    const text = await cli("promotion", "--cluster", "hb-jinshan", "--threshold", "revenue=1")
    expect(text.stdout).toContain("考核晋级 Promotion — 2009 → 2012")
    expect(text.stdout).toContain("依据 p8.promotion.doubling: 要求到2012年主要指标(企业营业收、从业人员、税收)要实现翻番")
    // Every industrial zone of the demo (weak-base findings by turns, no threshold): the verdict its ratios and base call for.
    const all = (await cli("promotion", "--json")).json() as { zones: Zone[]; counts: Record<string, number> }
    expect(all.zones).toHaveLength(157)
    for (const z of all.zones) {
      const known = z.checks.every((c) => c.ratio !== null)
      const twice = known && z.checks.every((c) => c.ratio! >= 2)
      const expected = !known
        ? "incomplete"
        : z.weak_base === false
          ? twice
            ? "promoted"
            : "kept"
          : z.weak_base === true
            ? twice
              ? "incomplete"
              : "demotion_warning"
            : "incomplete"
      expect(z.verdict, z.id).toBe(expected)
    }
    expect(all.counts.kept).toBeGreaterThan(0)
    expect(all.counts.demotion_warning).toBeGreaterThan(0)
    expect(all.counts.incomplete).toBeGreaterThan(0)
    expect((await cli("promotion", "--base", "2012", "--target", "2012", "--json")).code).toBe(2)
    expect((await cli("promotion", "--threshold", "revenue", "--json")).code).toBe(2)
  })

  it("records a decision with its reason, a monthly report, lists and revokes it; a bad one writes nothing", SLOW, async () => {
    const before = (await cli("supervision", "list", "--json")).json() as { items: unknown[] }
    const bad = await cli("supervision", "decide", "--cluster", "hb-liyang", "--period", "2025", "--measure", "on_site_supervision", "--reason", "慢", "--json")
    expect(bad.code).toBe(1)
    expect(bad.json()).toMatchObject({ error: { code: "invalid_decision" } })
    expect(((await cli("supervision", "list", "--json")).json() as { items: unknown[] }).items).toHaveLength(before.items.length)
    const made = await cli(
      "supervision",
      "decide",
      "--cluster",
      "hb-liyang",
      "--period",
      "2025",
      "--measure",
      "on_site_supervision",
      "--reason",
      "投入产出强度全省后 20 位，营业收入增速慢",
      "--ranking",
      "land-quota",
      "--evidence",
      "用地指标后列第 20 位",
      "--json",
    )
    expect(made.code, made.stderr).toBe(0)
    const d = made.json() as { id: string; measure: string; decided_by: string; evidence: { ranking: string; run_id: null; note: string } }
    expect(d).toMatchObject({ measure: "on_site_supervision", evidence: { ranking: "land-quota", run_id: null, note: "用地指标后列第 20 位" } })
    expect(d.decided_by).toMatch(/^operator:/)
    const rep = await cli("supervision", "report", d.id, "--month", "2025-09", "--text", "督导组现场办公，新开工项目 1 个")
    expect(rep.code, rep.stderr).toBe(0)
    expect(rep.stdout).toContain("2025-09 月报 report: 督导组现场办公，新开工项目 1 个")
    const listed = (await cli("supervision", "list", "--cluster", "hb-liyang", "--json")).json() as { items: Array<{ id: string; reports: unknown[] }> }
    expect(listed.items.find((x) => x.id === d.id)?.reports).toHaveLength(1)
    expect((await cli("supervision", "revoke", d.id, "--json")).code).toBe(0)
    expect(
      ((await cli("supervision", "list", "--cluster", "hb-liyang", "--json")).json() as { items: Array<{ id: string }> }).items.some((x) => x.id === d.id),
    ).toBe(false)
    expect((await cli("supervision", "promote", "--json")).code).toBe(2)
  })
})
