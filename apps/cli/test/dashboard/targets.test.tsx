import { describe, expect, it } from "vitest"
import { keys, start } from "./ui.js"

describe("Targets screen", () => {
  it("shows attainment bars for a target set and switches sets with the arrows", async () => {
    const { frame, press, until, r } = await start()
    await press(keys.tab, keys.tab, keys.tab)
    await until("衡水市产业集群发展目标")
    expect(frame()).toContain("[目标]")
    // No zone has revenue above 100 (the largest is 30): 0 of 3, attainment 0 %.
    await until((f) => /✗ 年营业收入超100亿元的产业集群3个\s+░{20}\s+0%/.test(f))
    // Each target's due year (the set's own target year, shown in the header) and where it comes from.
    expect(frame()).toContain("目标年 2028")
    expect(frame()).toContain("2028 年到期")
    expect(frame()).toContain("依据：文件规定 003 衡水 二(二)「年营业收入超100亿元的产业集群3个」")
    await press(keys.right)
    await until((f) => f.includes("陕西省产业集群发展目标") && !f.includes("读取中"))
    // Mean local supply ratio 2025 = (30 + 20 + 10 + 20 + 10) / 5 = 18 against 50: 36 %, bar 7 of 20 cells.
    expect(frame()).toMatch(/✗ 产业集群省内配套率由不到30%.*\s█{7}░{13}\s+36%/)
    expect(frame()).toContain("无法计算")
    await press(keys.esc)
    await until("[总览]")
    r.unmount()
  })
})
