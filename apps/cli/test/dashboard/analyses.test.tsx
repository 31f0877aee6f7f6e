import { indicatorCatalogue } from "@jiju/domain/model"
import { describe, expect, it } from "vitest"
import type { DashboardSource } from "../../src/dashboard/sources/DashboardSource.js"
import { clusters, fakeSource, observations, regions } from "./fixture.js"
import { memorySource } from "./memorySource.js"
import { keys, start } from "./ui.js"

describe("Analyses screen", () => {
  it("runs coupling, Moran's I, LISA and a regression and shows tables", async () => {
    const { frame, press, until, r } = await start({ height: 60, width: 100 })
    await press(keys.tab, keys.tab)
    await until("[分析]")
    expect(frame()).toContain("[y] 主营业务收入")
    await press(keys.enter)
    await until("全局 Moran's I")
    const f = frame()
    expect(f).toContain("同一省辖市")
    expect(f).toContain("n = 5")
    // Worked by hand: revenue 2025 (kf-d 20, kf-e 10, zz-a 30, zz-b 20, zz-c 10), mean 18, deviations
    // 2, −8, 12, 2, −8; prefecture neighbours row-standardised give lags −8, 2, −3, 2, 7;
    // I = (5/5)·(−120/280) = −0.4286 and E[I] = −1/4.
    expect(f).toContain("I = -0.4286")
    expect(f).toContain("E[I] = -0.25")
    expect(f).toContain("耦合协调度")
    expect(f).toContain("HH")
    // Every fixture indicator is proportional to one strength: the design is singular, and the screen says so.
    expect(f).toContain("共线")
    await press(keys.esc)
    await until("[y] 主营业务收入")
    r.unmount()
  })

  it("toggles indicators with Space and changes the period with the arrows", async () => {
    const { frame, press, until, r } = await start()
    await press(keys.tab, keys.tab)
    await until("[y] 主营业务收入")
    await press(" ")
    await until("[ ] 主营业务收入")
    expect(frame()).toContain("[y] 固定资产投资")
    await press(keys.left)
    await until("◀ 2024 ▶")
    await press(keys.right)
    await until("◀ 2025 ▶")
    r.unmount()
  })

  it("shows progress on a slow source and cancels with Esc", async () => {
    const base = memorySource({ clusters, regions, indicators: indicatorCatalogue, observations })
    let gate: () => void = () => {}
    const slow: DashboardSource = {
      ...base,
      observations: async (q) => {
        // Hold the analysis read until the test lets it go.
        if (q.period !== undefined && q.indicators) await new Promise<void>((res) => (gate = res))
        return base.observations(q)
      },
    }
    const { press, until, r } = await start({ source: slow })
    await press(keys.tab, keys.tab)
    await until("[y] 主营业务收入")
    await press(keys.enter)
    await until((f) => f.includes("正在计算") && f.includes("读取数据") && f.includes("Esc 取消"))
    await press(keys.esc)
    gate()
    await until("已取消")
    r.unmount()
  })

  it("runs on the plain fake source in English", async () => {
    const { press, until, r } = await start({ source: fakeSource(), lang: "en", height: 60 })
    await press(keys.tab, keys.tab, keys.enter)
    await until("Global Moran's I")
    r.unmount()
  })
})
