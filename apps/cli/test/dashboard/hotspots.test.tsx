import { describe, expect, it } from "vitest"
import { loadHotspots } from "../../src/dashboard/data/hotspots.js"
import { loadSnapshot } from "../../src/dashboard/data/snapshot.js"
import { displayWidth, wrapText } from "../../src/dashboard/ui/text.js"
import { hotspotsSource as source } from "./hotspotsFixture.js"
import { keys, start } from "./ui.js"

// The fixture (hotspotsFixture.ts) gives the expected numbers, worked by hand.
describe("hot spots (Getis–Ord Gi*) over the prefectures", () => {
  it("lists each prefecture once with the core's G*, z and class, hottest first", async () => {
    const src = source()
    const snap = await loadSnapshot(src)
    const view = await loadHotspots(src, snap, { indicator: "revenue", period: "2025" })
    if ("error" in view) throw new Error(view.error.en)
    expect(view.units).toBe(12)
    expect(view.spots.map((s) => [s.name, s.zones, s.class])).toEqual([
      ["郑州市", 3, "hot_99"],
      ["开封市", 3, "not_significant"],
      ["洛阳市", 3, "not_significant"],
      ["平顶山市", 3, "not_significant"],
    ])
    expect(view.spots[0]!.G).toBeCloseTo(10 / 39, 12)
    expect(view.spots[0]!.z).toBeCloseTo(6.75 / Math.sqrt((15.1875 * 3) / 11), 10)
    expect(view.spots[0]!.p).toBeCloseTo(0.000911, 5)
    expect(view.spots[1]!.z).toBeCloseTo(-2.25 / Math.sqrt((15.1875 * 3) / 11), 10)
  })

  it("says why where the core cannot answer", async () => {
    const src = source()
    const snap = await loadSnapshot(src)
    const none = await loadHotspots(src, snap, { indicator: "patents_granted", period: "2025" })
    expect(none).toEqual({ error: { zh: "2025 期没有集聚区报送该指标", en: "no zone reports this indicator in 2025" } })
  })

  it("the screen: the last tab, bilingual, indicator with [ ], period with the arrows, in 80×24", async () => {
    const { frame, press, until, r } = await start({ source: source(), width: 80, height: 24 })
    await press(keys.tab, keys.tab, keys.tab, keys.tab)
    await until((f) => f.includes("[冷热点]") && f.includes("热点 99%"))
    const f = frame()
    expect(f).toContain("指标 [ 主营业务收入 ]")
    expect(f).toContain("◀ 2025 ▶")
    expect(f).toMatch(/郑州市\s+3\s+0\.2564\s+3\.32\s+<0\.001\s+热点 99%/)
    expect(f).toMatch(/开封市\s+3\s+0\.0256\s+-1\.11\s+0\.269\s+不显著/)
    expect(f).toContain("省辖市：热点 1 · 冷点 0 · 不显著 3（12 个集聚区）")
    for (const line of f.split("\n")) expect(line.length).toBeLessThanOrEqual(80)
    expect(f.split("\n").length).toBeLessThanOrEqual(24)
    await press("]")
    await until((f) => f.includes("[ 固定资产投资 ]") && /平顶山市\s+3\s+\S+\s+3\.32\s+<0\.001\s+热点 99%/.test(f))
    await press("[")
    await until((f) => f.includes("[ 主营业务收入 ]") && f.includes("郑州市"))
    await press("l")
    await until((f) => f.includes("[Hot spots]") && f.includes("hot 99%") && f.includes("Indicator [ Main business revenue ]"))
    // 2024: every zone reports 5, a constant the statistic is undefined for; the core's reason shows instead.
    await press(keys.left)
    await until((f) => f.includes("◀ 2024 ▶") && f.includes("The variable is constant; Getis–Ord G is undefined"))
    await press(keys.esc)
    await until("[Overview]")
    r.unmount()
  })
})

describe("wrapText", () => {
  it("breaks Latin text at spaces and Chinese text anywhere, never past the width", () => {
    expect(wrapText("aa bb cc", 5)).toEqual(["aa bb", "cc"])
    expect(wrapText("空间权重：同一省辖市（区划代码前 4 位）内的集聚区", 20)).toEqual(["空间权重：同一省辖市", "（区划代码前 4 位）", "内的集聚区"])
    const long = "z as spdep localG with include.self; p two-sided; hot (z > 0) or cold (z < 0) at 99/95/90 %"
    for (const line of wrapText(long, 30)) expect(displayWidth(line)).toBeLessThanOrEqual(30)
    expect(wrapText(long, 30).join(" ")).toBe(long)
  })
})
