import { describe, expect, it } from "vitest"
import { dashboardSchemes } from "../../src/dashboard/data/snapshot.js"
import { displayWidth } from "../../src/dashboard/ui/text.js"
import { keys, start } from "./ui.js"

// Reference values worked by hand from fixture.ts: min-max within the group, 100 points. In 2025 zone A is best
// on every indicator (100), C worst (0); B is at 0.5 on the nine positive indicators (46 points) and at
// (10 − 5)/(10 − 10/3) = 0.75 on energy use (weight 8: 6 points), 52 in all. In 2024 the order was C, B, A.
const rowOf = (frame: string, name: string) => frame.split("\n").find((l) => l.includes(name)) ?? ""

describe("Overview screen", () => {
  it("shows the latest ranking with rank changes, scores and rewards", async () => {
    const { frame, r } = await start()
    const f = frame()
    expect(f).toContain("[总览]")
    expect(f).toContain("河南省产业集聚区综合考核")
    expect(f).toContain("省辖市区")
    expect(rowOf(f, "中原产业集聚区")).toMatch(/1\s+▲2\s+中原产业集聚区\s+100\s/)
    expect(rowOf(f, "金水科技集聚区")).toMatch(/2\s+=\s+金水科技集聚区\s+52\s/)
    expect(rowOf(f, "上街装备集聚区")).toMatch(/3\s+▼2\s+上街装备集聚区\s+0\s/)
    expect(rowOf(f, "中原产业集聚区")).toContain("✓ 奖励")
    // Rows in rank order.
    expect(f.indexOf("中原产业集聚区")).toBeLessThan(f.indexOf("金水科技集聚区"))
    expect(f.indexOf("金水科技集聚区")).toBeLessThan(f.indexOf("上街装备集聚区"))
    r.unmount()
  })

  it("shows province totals and the source with the demo label", async () => {
    const { frame, r } = await start()
    // Revenue 2025: 30 + 20 + 10 + 20 + 10 = 90; employment 3 + 2 + 1 + 2 + 1 = 9; same totals in 2024.
    expect(frame()).toContain("5 个集聚区")
    expect(frame()).toContain("营业收入 90 亿元 ▲0.0%")
    expect(frame()).toContain("从业人员 9 万人")
    expect(frame()).toContain("演示数据 demo data · 排名：据观测值计算 · 测试数据")
    r.unmount()
  })

  it("switches group with g and the arrows", async () => {
    const { frame, press, until, r } = await start()
    await press("g")
    await until("县域")
    expect(rowOf(frame(), "杞县产业集聚区")).toMatch(/1\s+=\s+杞县产业集聚区\s+100\s/)
    expect(rowOf(frame(), "通许县产业集聚区")).toMatch(/2\s+=\s+通许县产业集聚区\s+0\s/)
    await press(keys.left)
    await until("中原产业集聚区")
    r.unmount()
  })

  it("moves the cursor with j/k and the arrows", async () => {
    const { frame, press, r } = await start()
    expect(rowOf(frame(), "中原产业集聚区").trimStart()).toMatch(/^›/)
    await press("j")
    expect(rowOf(frame(), "金水科技集聚区").trimStart()).toMatch(/^›/)
    await press(keys.down)
    expect(rowOf(frame(), "上街装备集聚区").trimStart()).toMatch(/^›/)
    await press(keys.down) // stays on the last row
    expect(rowOf(frame(), "上街装备集聚区").trimStart()).toMatch(/^›/)
    await press("k", keys.up)
    expect(rowOf(frame(), "中原产业集聚区").trimStart()).toMatch(/^›/)
    r.unmount()
  })

  it("filters with / and clears with Esc", async () => {
    const { frame, press, until, r } = await start()
    await press("/", "金", "水")
    await until("/金水")
    expect(frame()).toContain("金水科技集聚区")
    expect(frame()).not.toContain("中原产业集聚区")
    await press(keys.backspace, keys.backspace, "x", "y", "z")
    await until("没有匹配的集聚区")
    await press(keys.esc)
    await until("中原产业集聚区")
    expect(frame()).toContain("上街装备集聚区")
    r.unmount()
  })

  it("toggles the language with l", async () => {
    const { frame, press, until, r } = await start()
    await press("l")
    await until("[Overview]")
    expect(frame()).toContain("Zhongyuan zone")
    expect(frame()).toContain("revenue 90 100m CNY")
    expect(frame()).toContain("ranking: computed from observations")
    await press("l")
    await until("[总览]")
    r.unmount()
  })

  it("opens help with ? and closes it with Esc", async () => {
    const { frame, press, until, r } = await start()
    await press("?")
    await until("按键 Keys")
    expect(frame()).toContain("切换屏幕")
    await press(keys.esc)
    await until("中原产业集聚区")
    r.unmount()
  })

  it("fits 80×24 and adds columns on a wide terminal", async () => {
    const narrow = await start({ width: 80, height: 24 })
    const lines = narrow.frame().split("\n")
    expect(lines.length).toBeLessThanOrEqual(24)
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80)
    expect(narrow.frame()).not.toContain("经济总量")
    narrow.r.unmount()
    const wide = await start({ width: 140, height: 40 })
    expect(wide.frame()).toContain("经济总量")
    expect(rowOf(wide.frame(), "中原产业集聚区")).toContain("中原区")
    for (const l of wide.frame().split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(140)
    wide.r.unmount()
  })
})

describe("Overview scheme switch", () => {
  it("cycles the assessment scheme with s", async () => {
    const { press, until, r } = await start({ width: 140 })
    await until("河南省产业集聚区综合考核")
    await press("s")
    await until((f) => !f.includes("河南省产业集聚区综合考核") && f.includes("服务业"))
    // Round every built-in scheme (the examples and each kind's default) back to the first.
    for (let i = 1; i < dashboardSchemes.length; i++) await press("s")
    await until("河南省产业集聚区综合考核")
    r.unmount()
  })
})
