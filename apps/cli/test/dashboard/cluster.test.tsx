import { indicatorCatalogue, type Observation, type StoredCluster } from "@jiju/domain/model"
import { render } from "ink-testing-library"
import { describe, expect, it } from "vitest"
import { loadClusterDetail } from "../../src/dashboard/data/clusterDetail.js"
import { loadSnapshot } from "../../src/dashboard/data/snapshot.js"
import { ClusterScreen } from "../../src/dashboard/ui/ClusterScreen.js"
import { clusters, observations, regions } from "./fixture.js"
import { memorySource } from "./memorySource.js"
import { keys, start } from "./ui.js"

describe("Cluster screen", () => {
  it("opens the selected zone with Enter: profile, trends, score breakdown, stage, certification, diagnosis", async () => {
    const { frame, press, until, r } = await start({ height: 60 })
    await press("j", keys.enter)
    await until("金水科技集聚区 (zz-b)")
    const f = frame()
    expect(f).toContain("[集聚区]")
    expect(f).toContain("产业集聚区 · 省级 · 省辖市区 · 金水区 410105 · 12.5 km²")
    expect(f).toContain("主导产业: 装备制造、食品")
    expect(f).toContain("总体发展规划✓")
    expect(f).toContain("规划环评✗")
    expect(f).toContain("七通一平")
    expect(f).toContain("得分 52 · 排名 2/3 =")
    // Revenue of zone B: 20, 20, 20 (2023–2025): a flat line, no growth.
    expect(f).toMatch(/主营业务收入\s+▄▄▄\s+20 亿元\s+▲0\.0%/)
    expect(f).toContain("得分构成")
    expect(f).toContain("发展阶段")
    expect(f).toContain("认定: 不适用")
    expect(f).toContain("诊断")
    r.unmount()
  })

  it("draws growth and a rising sparkline for the top zone", async () => {
    const { frame, press, until, r } = await start({ height: 40 })
    await press(keys.enter)
    await until("中原产业集聚区 (zz-a)")
    // Zone A's revenue: 10, 10, 30 → ▁▁█, latest 30, growth 30/10 − 1 = 200 %.
    expect(frame()).toMatch(/主营业务收入\s+▁▁█\s+30 亿元\s+▲200\.0%/)
    // Energy use falls 10 → 10 → 3.33: ██▁, −66.7 %.
    expect(frame()).toMatch(/单位增加值能耗\s+██▁\s+3\.33/)
    expect(frame()).toContain("▼66.7%")
    r.unmount()
  })

  it("scrolls with j/k and goes back with Esc", async () => {
    const { frame, press, until, r } = await start()
    await press(keys.enter)
    await until("中原产业集聚区 (zz-a)")
    expect(frame()).toContain("↓")
    await press("j", "j")
    await until((f) => !f.includes("中原产业集聚区 (zz-a)"))
    await press("k", "k")
    await until("中原产业集聚区 (zz-a)")
    await press(keys.esc)
    await until("[总览]")
    r.unmount()
  })
})

describe("Cluster screen for a service agglomeration", () => {
  it("certifies against the county table and names the failed condition", async () => {
    const cbd: StoredCluster = { ...clusters[3]!, id: "kf-cbd", name: "杞县中央商务区", kind: "modern_service", form: "cbd", level: "county" } as StoredCluster
    const o = (indicator: string, value: number) =>
      ({ ...observations[0]!, target: { kind: "cluster", id: "kf-cbd" }, period: "2025", indicator, value }) as Observation
    // County CBD rule (篇10): floor area ≥ 1.4万 m², ≥ 10 firms, revenue MORE than 5.6亿. Revenue of exactly
    // 5.6 fails ("超过"), the others pass.
    const src = memorySource({
      clusters: [...clusters, cbd],
      regions,
      indicators: indicatorCatalogue,
      observations: [...observations, o("floor_area", 2), o("firms", 12), o("operating_revenue", 5.6)],
    })
    const snap = await loadSnapshot(src)
    const detail = (await loadClusterDetail(src, snap, "kf-cbd"))!
    const r = render(<ClusterScreen detail={detail} lang="zh" width={100} height={60} scroll={0} />)
    const f = r.lastFrame() ?? ""
    expect(f).toContain("现代服务业集聚区 / 中央商务区 · 县级")
    expect(f).toContain("认定: ✗ 不符合")
    expect(f).toContain("5.6")
    expect(f).toMatch(/营业收入\s+▄\s+5\.6 亿元/)
    r.unmount()
  })
})
